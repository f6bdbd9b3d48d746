package io.infrasystem.gateway.auth;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.infrasystem.commons.crud.Lists;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.filter.FilterSpec;
import io.infrasystem.commons.paging.Page;
import io.infrasystem.gateway.config.GatewayConfig;
import io.infrasystem.gateway.principal.AuthOutcome;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Records every refused credential in table {@code auth_failure}, at most
 * {@code infra.gateway.auth-failures.per-second} rows per second (token bucket): beyond that,
 * failures are counted and the count is stored with the next row written
 * ({@code suppressed_before}), so a flood of bad keys cannot fill the disk yet is never invisible.
 * Rows older than {@code retention} are purged hourly; {@link #list} reads them for the API.
 * Blocking: call from a worker thread.
 */
@ApplicationScoped
public class AuthFailureLog {

    private static final Logger LOG = Logger.getLogger(AuthFailureLog.class);

    /** Filters of the failure list. */
    private static final FilterSpec FILTERS = FilterSpec.forEntity("f")
            .fields(FilterField::text, "credential_type", "reason", "credential_hint", "client_ip", "path")
            .fields(FilterField::timestamp, "occurred_at")
            .search("f.reason", "f.path", "f.credentialHint")
            .defaultOrdering("-occurred_at")
            .build();

    private final Bucket bucket;
    private final AtomicLong suppressed = new AtomicLong();
    private final Duration retention;

    public AuthFailureLog(GatewayConfig config) {
        long perSecond = config.authFailures().perSecond();
        this.bucket = Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(perSecond)
                        .refillGreedy(perSecond, Duration.ofSeconds(1))
                        .build())
                .build();
        this.retention = config.authFailures().retention();
    }

    /**
     * @param outcome the failure
     * @param clientIp caller's address
     * @param method HTTP method
     * @param path request path
     * @param requestId the request's id
     */
    public void record(AuthOutcome outcome, String clientIp, String method, String path, String requestId) {
        if (!bucket.tryConsume(1)) {
            suppressed.incrementAndGet();
            return;
        }
        long before = suppressed.getAndSet(0);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                AuthFailure failure = new AuthFailure();
                failure.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                failure.credentialType = outcome.credentialType().wireName();
                failure.reason = outcome.reason();
                failure.credentialHint = truncate(outcome.hint(), 255);
                failure.clientIp = truncate(clientIp, 64);
                failure.method = truncate(method, 16);
                failure.path = truncate(path, 1000);
                failure.requestId = requestId;
                failure.suppressedBefore = before;
                failure.persist();
            });
        } catch (RuntimeException e) {
            suppressed.addAndGet(before + 1);
            LOG.warnf("Authentication failure could not be recorded: %s", e.getMessage());
        }
    }

    /**
     * @param uri filters ({@code credential_type}, {@code reason}, {@code credential_hint},
     *     {@code client_ip}, {@code path}, {@code occurred_at__gte/__lt}), {@code q}, {@code limit/offset}
     * @return a page of failures, newest first
     * @throws io.infrasystem.commons.problem.ProblemException 400 for unknown filters or bad values
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AuthFailure.Dto> list(UriInfo uri) {
        return Lists.page(
                FILTERS,
                uri,
                (where, parameters) -> AuthFailure.find("from AuthFailure f where " + where, parameters),
                AuthFailure::dto);
    }

    /** Deletes rows older than the retention. */
    @Scheduled(every = "1h", delayed = "1m")
    void purge() {
        Instant limit = Instant.now().minus(retention);
        QuarkusTransaction.requiringNew().run(() -> AuthFailure.delete("occurredAt < ?1", limit));
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
