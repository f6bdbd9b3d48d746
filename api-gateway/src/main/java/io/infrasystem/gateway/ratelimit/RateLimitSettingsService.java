package io.infrasystem.gateway.ratelimit;

import io.infrasystem.commons.audit.Change;
import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.http.Versions;
import io.infrasystem.commons.problem.Problem.FieldError;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.gateway.config.GatewayConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The rate limits in force: those an administrator stored (table {@code rate_limit_settings}),
 * else the configuration's {@code infra.gateway.rate-limit.*}. A replacement is validated, audited
 * ({@code rate_limit_settings} entry and {@code gateway.rate_limit_settings.*} event in the same
 * transaction) and applied to this instance's {@link RateLimiter} at once; every instance also
 * reads the row every {@code rate-limit.reload-interval}, so a change made elsewhere applies
 * within that interval.
 */
@ApplicationScoped
public class RateLimitSettingsService {

    /** Fewest requests per period accepted for any bucket: fewer would lock administrators out of this very setting. */
    public static final long MIN_REQUESTS = 10;

    /** Most requests per period accepted for any bucket. */
    public static final long MAX_REQUESTS = 1_000_000;

    /** Shortest refill period accepted, seconds. */
    public static final int MIN_PERIOD_SECONDS = 1;

    /** Longest refill period accepted, seconds (one hour). */
    public static final int MAX_PERIOD_SECONDS = 3600;

    private final GatewayConfig.RateLimits defaults;
    private final ChangeRecorder changes;
    private final RateLimiter limiter;

    public RateLimitSettingsService(GatewayConfig config, ChangeRecorder changes, RateLimiter limiter) {
        this.defaults = config.rateLimit();
        this.changes = changes;
        this.limiter = limiter;
    }

    /** @return the limits in force, as stored or from the configuration; {@code version} 0 for the latter */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RateLimitViews.View view() {
        RateLimitSettings row = RateLimitSettings.findById(RateLimitSettings.ROW);
        if (row == null) {
            return new RateLimitViews.View(
                    defaults.principal(),
                    defaults.anonymous(),
                    defaults.ownEndpoints(),
                    (int) Math.max(1, defaults.period().toSeconds()),
                    false,
                    null,
                    null,
                    0);
        }
        return new RateLimitViews.View(
                row.principal,
                row.anonymous,
                row.ownEndpoints,
                row.periodSeconds,
                true,
                row.updatedBy,
                row.updatedAt,
                row.version);
    }

    /**
     * Replaces the limits and applies them to this instance (its buckets start afresh).
     *
     * @param ifMatch optional ETag of the version the caller read ({@code "0"} while the defaults apply)
     * @param input every limit
     * @param caller user name of the administrator
     * @return the stored limits
     * @throws ProblemException 400 naming each missing or out-of-range field, 412 on a stale If-Match
     */
    @Transactional
    public RateLimitViews.View replace(String ifMatch, RateLimitViews.Input input, String caller) {
        List<FieldError> errors = validate(input);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        RateLimitSettings row = RateLimitSettings.findById(RateLimitSettings.ROW);
        Versions.checkIfMatch(ifMatch, row == null ? 0 : row.version);
        RateLimitViews.View before = view();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (row == null) {
            row = new RateLimitSettings();
            row.id = RateLimitSettings.ROW;
            row.createdAt = now;
        }
        row.principal = input.principal();
        row.anonymous = input.anonymous();
        row.ownEndpoints = input.ownEndpoints();
        row.periodSeconds = input.periodSeconds();
        row.updatedBy = caller;
        row.updatedAt = now;
        row.persistAndFlush();
        RateLimitViews.View after = view();
        changes.record(
                before.stored()
                        ? Change.updated("rate_limit_settings", RateLimitSettings.ROW, before, after)
                        : Change.created("rate_limit_settings", RateLimitSettings.ROW, after));
        limiter.apply(limitsOf(row));
        return after;
    }

    /** Reads the stored limits (another instance may have changed them) and applies them here. */
    @Scheduled(
            every = "${infra.gateway.rate-limit.reload-interval:15s}",
            delayed = "${infra.gateway.rate-limit.reload-interval:15s}")
    void reload() {
        limiter.apply(QuarkusTransaction.requiringNew().call(this::stored));
    }

    void onStart(@Observes StartupEvent event) {
        reload();
    }

    private Limits stored() {
        RateLimitSettings row = RateLimitSettings.findById(RateLimitSettings.ROW);
        return row == null
                ? new Limits(defaults.principal(), defaults.anonymous(), defaults.ownEndpoints(), defaults.period())
                : limitsOf(row);
    }

    private static Limits limitsOf(RateLimitSettings row) {
        return new Limits(row.principal, row.anonymous, row.ownEndpoints, Duration.ofSeconds(row.periodSeconds));
    }

    private static List<FieldError> validate(RateLimitViews.Input input) {
        List<FieldError> errors = new ArrayList<>();
        if (input == null) {
            errors.add(new FieldError("body", "is required"));
            return errors;
        }
        requests("principal", input.principal(), errors);
        requests("anonymous", input.anonymous(), errors);
        requests("own_endpoints", input.ownEndpoints(), errors);
        if (input.periodSeconds() == null) {
            errors.add(new FieldError("period_seconds", "is required"));
        } else if (input.periodSeconds() < MIN_PERIOD_SECONDS || input.periodSeconds() > MAX_PERIOD_SECONDS) {
            errors.add(new FieldError(
                    "period_seconds", "must be between " + MIN_PERIOD_SECONDS + " and " + MAX_PERIOD_SECONDS));
        }
        return errors;
    }

    private static void requests(String field, Long value, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
        } else if (value < MIN_REQUESTS || value > MAX_REQUESTS) {
            errors.add(new FieldError(field, "must be between " + MIN_REQUESTS + " and " + MAX_REQUESTS));
        }
    }
}
