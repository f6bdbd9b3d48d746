package io.infrasystem.cert.ignore;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a caller sends to create or change an ignore pattern.
 *
 * @param pattern 1–500 characters; a {@code regex} must compile (Java syntax)
 * @param matchType required
 * @param reason at most 1000 characters
 */
public record IgnorePatternInput(
        @NotBlank @Size(max = 500) String pattern,
        @NotNull MatchType matchType,
        @Size(max = 1000) String reason) {}
