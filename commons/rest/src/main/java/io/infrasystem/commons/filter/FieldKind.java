package io.infrasystem.commons.filter;

import java.util.EnumSet;
import java.util.Set;

/** What a filterable field holds, which fixes the lookups it accepts. */
public enum FieldKind {
    /** Free text: exact, negation, the case-insensitive lookups and empty. */
    TEXT(EnumSet.of(
            Lookup.EXACT,
            Lookup.NOT,
            Lookup.ICONTAINS,
            Lookup.NOT_ICONTAINS,
            Lookup.ISTARTSWITH,
            Lookup.IENDSWITH,
            Lookup.IEXACT,
            Lookup.EMPTY)),
    /** One of a fixed set of values (a status, a face): exact, negation and empty. */
    CHOICE(EnumSet.of(Lookup.EXACT, Lookup.NOT, Lookup.EMPTY)),
    /** Numbers, dates and times: exact, negation, comparisons and empty. */
    ORDERED(EnumSet.of(Lookup.EXACT, Lookup.NOT, Lookup.LT, Lookup.LTE, Lookup.GT, Lookup.GTE, Lookup.EMPTY)),
    /** True or false: exact and empty. */
    BOOLEAN(EnumSet.of(Lookup.EXACT, Lookup.EMPTY)),
    /** A membership test written by the resource (a tag, a relation by name): exact and negation. */
    MEMBERSHIP(EnumSet.of(Lookup.EXACT, Lookup.NOT));

    private final Set<Lookup> lookups;

    FieldKind(Set<Lookup> lookups) {
        this.lookups = lookups;
    }

    /** @return the lookups a field of this kind accepts */
    public Set<Lookup> lookups() {
        return lookups;
    }
}
