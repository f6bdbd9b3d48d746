package io.infrasystem.cert.ignore;

import io.infrasystem.commons.crud.Tracked;
import jakarta.persistence.MappedSuperclass;

/** A pattern that scans and associations skip: its text, how it matches, and why. */
@MappedSuperclass
public abstract class IgnorePattern extends Tracked {

    public String pattern;
    public MatchType matchType;
    public String reason;

    /** @return whether it matches {@code value} (see {@link Patterns#matches}) */
    public boolean matches(String value) {
        return Patterns.matches(matchType, pattern, value);
    }

    /** @return the API view */
    public IgnorePatternDto dto() {
        return new IgnorePatternDto(id, pattern, matchType, reason, version, createdAt, updatedAt);
    }

    /** @return the current values as an input (the target of a merge patch) */
    public IgnorePatternInput input() {
        return new IgnorePatternInput(pattern, matchType, reason);
    }
}
