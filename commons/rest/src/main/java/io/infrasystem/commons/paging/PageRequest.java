package io.infrasystem.commons.paging;

import io.infrasystem.commons.problem.ProblemException;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * The window of a list request, from the {@code limit} and {@code offset} query parameters
 * (DESIGN.md §3): {@code limit} defaults to {@value #DEFAULT_LIMIT} and is capped at
 * {@value #MAX_LIMIT}, as NetBox caps it at its maximum page size; {@code offset} defaults to 0.
 *
 * @param limit number of results asked for, 1 to {@value #MAX_LIMIT}
 * @param offset number of results skipped, 0 or more
 */
public record PageRequest(int limit, long offset) {

    /** Results per page when the caller does not say. */
    public static final int DEFAULT_LIMIT = 50;
    /** Largest page served; a larger {@code limit} is served this many. */
    public static final int MAX_LIMIT = 1000;

    /**
     * @param query the request's query parameters
     * @return the requested window
     * @throws ProblemException 400 naming {@code limit} or {@code offset} when either is not a
     *     whole number, {@code limit} is below 1 or {@code offset} is negative
     */
    public static PageRequest from(MultivaluedMap<String, String> query) {
        int limit = (int) Math.min(parse(query, "limit", DEFAULT_LIMIT, 1), MAX_LIMIT);
        long offset = parse(query, "offset", 0, 0);
        return new PageRequest(limit, offset);
    }

    private static long parse(MultivaluedMap<String, String> query, String name, long fallback, long min) {
        String raw = query.getFirst(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "must be a whole number");
        }
        if (value < min) {
            throw ProblemException.invalid(name, "must be " + min + " or more");
        }
        return value;
    }
}
