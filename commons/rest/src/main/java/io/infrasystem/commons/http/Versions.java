package io.infrasystem.commons.http;

import io.infrasystem.commons.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Optimistic locking over HTTP (RFC 9110 §8.8.3 and §13.1.1): every mutable resource has an integer
 * {@code version}; reads send it as a strong {@code ETag} ({@code "7"}), writes may send it back in
 * {@code If-Match} and are refused with 412 when it is no longer current.
 */
public final class Versions {

    private Versions() {}

    /**
     * @param version the resource's current version
     * @return the entity tag to send in {@code ETag}
     */
    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * @param body the resource's DTO
     * @param version its version
     * @return 200 with the body and {@code ETag: "<version>"}
     */
    public static Response ok(Object body, long version) {
        return Response.ok(body).tag(etag(version)).build();
    }

    /**
     * @param location the created resource's absolute URL, built from the request's {@code UriInfo}
     *     (so behind the gateway it is the public URL the client used)
     * @param body the created resource's DTO
     * @param version its version
     * @return 201 with {@code Location}, the body and its {@code ETag}
     */
    public static Response created(URI location, Object body, long version) {
        return Response.created(location).entity(body).tag(etag(version)).build();
    }

    /**
     * Checks an {@code If-Match} header against the current version. No header means the caller
     * accepts any version (last write wins); {@code *} matches any existing resource.
     *
     * @param ifMatch the raw {@code If-Match} header, or {@code null}
     * @param current the version the resource has now
     * @throws ProblemException 412 when the header names only other versions, 400 when it is not
     *     a list of entity tags
     */
    public static void checkIfMatch(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String expected = Long.toString(current);
        for (String raw : ifMatch.split(",")) {
            String tag = raw.strip();
            if (tag.equals("*")) {
                return;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() < 2 || !tag.startsWith("\"") || !tag.endsWith("\"")) {
                throw ProblemException.invalid("If-Match", "must be a list of quoted entity tags, e.g. \"3\"");
            }
            if (tag.substring(1, tag.length() - 1).equals(expected)) {
                return;
            }
        }
        throw ProblemException.preconditionFailed(
                "If-Match " + ifMatch.strip() + " does not match the current version \"" + expected + "\"");
    }
}
