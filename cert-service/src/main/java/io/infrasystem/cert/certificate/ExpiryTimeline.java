package io.infrasystem.cert.certificate;

import io.infrasystem.commons.filter.QueryFilter;
import io.infrasystem.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The expiry timeline: how many certificates end ({@code not_after}) in each calendar month of the
 * caller's time zone, within the certificate list's filters, in one query.
 *
 * <p>Parameters besides the list's filters: {@code from} (first month, {@code YYYY-MM}; default the
 * current month in {@code zone}), {@code months} (1 to 24, default 12) and {@code zone} (an IANA time
 * zone, default {@code UTC}). A month runs from its first midnight in {@code zone} (inclusive) to the
 * next month's (exclusive), so daylight-saving changes fall where a calendar puts them.
 */
@ApplicationScoped
public class ExpiryTimeline {

    /** The timeline's own parameters, which are not list filters. */
    static final Set<String> PARAMETERS = Set.of("from", "months", "zone");

    /** The most months one call counts. */
    static final int MAX_MONTHS = 24;

    /**
     * One month of the timeline.
     *
     * @param month the month, {@code YYYY-MM}
     * @param start its first instant in the zone (inclusive)
     * @param end the next month's first instant (exclusive)
     * @param count certificates matching the filters whose {@code not_after} is in {@code [start, end)}
     */
    public record MonthCount(String month, Instant start, Instant end, long count) {}

    private final Clock clock;

    public ExpiryTimeline() {
        this(Clock.systemUTC());
    }

    ExpiryTimeline(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param query a request's query parameters: the timeline's own and the certificate list's filters
     * @return one entry per month, in order, months without a certificate included (count 0)
     * @throws ProblemException 400 naming {@code from}, {@code months}, {@code zone} or a bad filter
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MonthCount> count(MultivaluedMap<String, String> query) {
        ZoneId zone = zone(query.getFirst("zone"));
        YearMonth from = from(query.getFirst("from"), zone);
        int months = months(query.getFirst("months"));
        MultivaluedMap<String, String> filters = new MultivaluedHashMap<>();
        query.forEach((name, values) -> {
            if (!PARAMETERS.contains(name)) {
                filters.addAll(name, values);
            }
        });
        QueryFilter filter = CertificateService.filter(filters);
        List<Instant> bounds = new ArrayList<>();
        for (int i = 0; i <= months; i++) {
            bounds.add(from.plusMonths(i).atDay(1).atStartOfDay(zone).toInstant());
        }
        StringBuilder select = new StringBuilder("select ");
        for (int i = 0; i < months; i++) {
            select.append(i == 0 ? "" : ", ")
                    .append("sum(case when c.notAfter >= :expiry_bound_")
                    .append(i)
                    .append(" and c.notAfter < :expiry_bound_")
                    .append(i + 1)
                    .append(" then 1 else 0 end)");
        }
        select.append(" from Certificate c where (")
                .append(filter.where())
                .append(") and c.notAfter >= :expiry_bound_0 and c.notAfter < :expiry_bound_")
                .append(months);
        Query counts = Certificate.getEntityManager().createQuery(select.toString());
        for (Map.Entry<String, Object> parameter : filter.parameters().entrySet()) {
            counts.setParameter(parameter.getKey(), parameter.getValue());
        }
        for (int i = 0; i <= months; i++) {
            counts.setParameter("expiry_bound_" + i, bounds.get(i));
        }
        Object result = counts.getSingleResult();
        Object[] row = result instanceof Object[] columns ? columns : new Object[] {result};
        List<MonthCount> timeline = new ArrayList<>();
        for (int i = 0; i < months; i++) {
            long count = row[i] == null ? 0 : ((Number) row[i]).longValue();
            timeline.add(new MonthCount(from.plusMonths(i).toString(), bounds.get(i), bounds.get(i + 1), count));
        }
        return timeline;
    }

    private static ZoneId zone(String value) {
        if (value == null || value.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            throw ProblemException.invalid("zone", "must be an IANA time zone such as Europe/Berlin");
        }
    }

    private YearMonth from(String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return YearMonth.now(clock.withZone(zone));
        }
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("from", "must be a month as YYYY-MM");
        }
    }

    private static int months(String value) {
        if (value == null || value.isBlank()) {
            return 12;
        }
        try {
            int months = Integer.parseInt(value.strip());
            if (months >= 1 && months <= MAX_MONTHS) {
                return months;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid("months", "must be a whole number from 1 to " + MAX_MONTHS);
    }
}
