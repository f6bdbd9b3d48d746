package io.infrasystem.cert.ignore;

import io.infrasystem.commons.crud.Versioned;
import java.time.Instant;

/**
 * An ignore pattern as the API shows it.
 *
 * @param id pattern id
 * @param pattern the text, glob or regular expression
 * @param matchType {@code exact}, {@code glob} or {@code regex}
 * @param reason why it is ignored
 * @param version optimistic-locking version ({@code ETag})
 */
public record IgnorePatternDto(
        long id, String pattern, MatchType matchType, String reason, long version, Instant createdAt, Instant updatedAt)
        implements Versioned {}
