package io.infrasystem.realtime.subscription;

import io.infrasystem.realtime.event.LiveEvent;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one connection wants: events whose type matches any of the type patterns and, when
 * subjects are given, whose subject is one of them. Immutable; changes give a new value.
 *
 * @param types type patterns (an event must match one)
 * @param subjects subjects (empty: any subject)
 */
public record Subscription(Set<TypePattern> types, Set<String> subjects) {

    /** Every type, every subject: what a connection gets when it names no type. */
    public static final Subscription EVERYTHING = new Subscription(Set.of(new TypePattern("*")), Set.of());

    /** Defensive copies keeping insertion order. */
    public Subscription {
        types = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(types));
        subjects = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(subjects));
    }

    /**
     * @param event an event
     * @return whether the event matches a type pattern and the subject filter
     */
    public boolean matches(LiveEvent event) {
        if (!subjects.isEmpty() && (event.subject() == null || !subjects.contains(event.subject()))) {
            return false;
        }
        for (TypePattern type : types) {
            if (type.matches(event.type())) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param moreTypes patterns to add
     * @param moreSubjects subjects to add
     * @return this subscription widened by the given filters
     */
    public Subscription plus(Collection<TypePattern> moreTypes, Collection<String> moreSubjects) {
        Set<TypePattern> t = new LinkedHashSet<>(types);
        t.addAll(moreTypes);
        Set<String> s = new LinkedHashSet<>(subjects);
        s.addAll(moreSubjects);
        return new Subscription(t, s);
    }

    /**
     * @param lessTypes patterns to remove (exact text)
     * @param lessSubjects subjects to remove
     * @return this subscription without the given filters
     */
    public Subscription minus(Collection<TypePattern> lessTypes, Collection<String> lessSubjects) {
        Set<TypePattern> t = new LinkedHashSet<>(types);
        t.removeAll(lessTypes);
        Set<String> s = new LinkedHashSet<>(subjects);
        s.removeAll(lessSubjects);
        return new Subscription(t, s);
    }

    /** @return number of patterns plus subjects, to enforce the per-connection limit */
    public int size() {
        return types.size() + subjects.size();
    }

    /** @return the pattern texts, for confirmations */
    public List<String> typeTexts() {
        return types.stream().map(TypePattern::text).collect(Collectors.toList());
    }
}
