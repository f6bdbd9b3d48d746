package io.infrasystem.realtime.subscription;

import io.infrasystem.commons.problem.Problem.FieldError;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.realtime.event.Cursor;
import java.util.ArrayList;
import java.util.List;

/**
 * What a client asks for when it connects (query parameters of {@code /api/realtime/ws} and
 * {@code /api/realtime/stream}): {@code types} (type patterns, repeated or comma-separated; none
 * means {@code *}), {@code subjects} (none means any) and {@code resume_from} (the last cursor
 * received; SSE also takes the {@code Last-Event-ID} header).
 *
 * @param subscription the initial subscription
 * @param resumeFrom the cursor to resume after, or {@code null}
 */
public record ConnectRequest(Subscription subscription, Cursor resumeFrom) {

    /**
     * @param types values of {@code types}
     * @param subjects values of {@code subjects}
     * @param resumeFrom value of {@code resume_from} or {@code Last-Event-ID}, may be null or blank
     * @param maxFilters most patterns plus subjects allowed
     * @return the request
     * @throws ProblemException 400 listing every malformed parameter
     */
    public static ConnectRequest parse(List<String> types, List<String> subjects, String resumeFrom, int maxFilters) {
        List<FieldError> errors = new ArrayList<>();
        List<TypePattern> patterns = List.of();
        List<String> subjectList = List.of();
        Cursor cursor = null;
        try {
            patterns = SubscriptionParser.types(types);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("types", e.getMessage()));
        }
        try {
            subjectList = SubscriptionParser.subjects(subjects);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("subjects", e.getMessage()));
        }
        if (resumeFrom != null && !resumeFrom.isBlank()) {
            try {
                cursor = Cursor.parse(resumeFrom);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("resume_from", e.getMessage()));
            }
        }
        if (patterns.size() + subjectList.size() > maxFilters) {
            errors.add(new FieldError("types", "at most " + maxFilters + " type patterns and subjects together"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Subscription subscription = patterns.isEmpty()
                ? Subscription.EVERYTHING.plus(List.of(), subjectList)
                : new Subscription(new java.util.LinkedHashSet<>(patterns), new java.util.LinkedHashSet<>(subjectList));
        return new ConnectRequest(subscription, cursor);
    }
}
