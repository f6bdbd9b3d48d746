package io.infrasystem.realtime.subscription;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Turns the {@code types} and {@code subjects} a client sent (query parameters, repeated or
 * comma-separated, or JSON arrays) into filters, rejecting malformed ones.
 */
public final class SubscriptionParser {

    private static final int MAX_SUBJECT = 200;

    private SubscriptionParser() {}

    /**
     * @param values raw values; each may hold several comma-separated patterns; null allowed
     * @return the patterns, in order
     * @throws IllegalArgumentException for a malformed pattern (the message names it)
     */
    public static List<TypePattern> types(Collection<String> values) {
        List<TypePattern> out = new ArrayList<>();
        for (String part : split(values)) {
            out.add(new TypePattern(part));
        }
        return out;
    }

    /**
     * @param values raw subjects; each may hold several comma-separated subjects; null allowed
     * @return the subjects, in order
     * @throws IllegalArgumentException for a subject longer than 200 characters or holding control
     *     characters
     */
    public static List<String> subjects(Collection<String> values) {
        List<String> out = new ArrayList<>();
        for (String part : split(values)) {
            if (part.length() > MAX_SUBJECT || part.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("subject '" + part.substring(0, Math.min(part.length(), 40))
                        + "' must be at most " + MAX_SUBJECT + " printable characters");
            }
            out.add(part);
        }
        return out;
    }

    private static List<String> split(Collection<String> values) {
        List<String> parts = new ArrayList<>();
        if (values == null) {
            return parts;
        }
        for (String value : values) {
            if (value == null) {
                continue;
            }
            for (String part : value.split(",")) {
                String trimmed = part.strip();
                if (!trimmed.isEmpty()) {
                    parts.add(trimmed);
                }
            }
        }
        return parts;
    }
}
