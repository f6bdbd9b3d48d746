package io.infrasystem.commons.filter;

import java.util.Arrays;
import java.util.Optional;

/**
 * The NetBox filter lookups: the suffix after {@code __} in a query parameter name
 * ({@code name__ic=web}); no suffix means {@link #EXACT}.
 */
public enum Lookup {
    /** Equal to one of the values ({@code name=a&name=b}). */
    EXACT(""),
    /** Equal to none of the values; rows with no value match. */
    NOT("n"),
    /** Contains, case-insensitive. */
    ICONTAINS("ic"),
    /** Contains none of the values, case-insensitive. */
    NOT_ICONTAINS("nic"),
    /** Starts with, case-insensitive. */
    ISTARTSWITH("isw"),
    /** Ends with, case-insensitive. */
    IENDSWITH("iew"),
    /** Equal, case-insensitive. */
    IEXACT("ie"),
    LT("lt"),
    LTE("lte"),
    GT("gt"),
    GTE("gte"),
    /** {@code true}: no value (null, or an empty string for text); {@code false}: has one. */
    EMPTY("empty");

    private final String suffix;

    Lookup(String suffix) {
        this.suffix = suffix;
    }

    /** @return the suffix after {@code __}, empty for {@link #EXACT} */
    public String suffix() {
        return suffix;
    }

    /**
     * @param suffix text after {@code __}
     * @return the lookup, or empty when the suffix is not one
     */
    public static Optional<Lookup> fromSuffix(String suffix) {
        return Arrays.stream(values())
                .filter(l -> l != EXACT && l.suffix.equals(suffix))
                .findFirst();
    }
}
