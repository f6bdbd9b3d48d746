package io.infrasystem.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.infrasystem.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Per-caller token buckets (Bucket4j, greedy refill), keyed by the principal or by the socket
 * address (no {@code X-Forwarded-For} is believed but from the proxies that
 * {@code quarkus.http.proxy.trusted-proxies} names): {@code principal} (configuration
 * {@code infra.gateway.rate-limit.principal}, or what an administrator stored: {@link Limits},
 * {@link RateLimitSettingsService}) requests per {@code period} for each authenticated principal,
 * {@code anonymous} per period for
 * each client IP on the public paths and, in a bucket of its own, for each client IP whose requests
 * carry no valid credential ({@link #tryRefused}; while it is empty the edge looks up no credential
 * of that address), {@code own-endpoints} per period for
 * each client IP calling {@code /api/gateway/**} (authenticated later, by the resources). Buckets live in this instance's memory
 * (idle ones are dropped after two periods), so with N gateway instances behind a balancer the
 * effective limit is at most N times the configured one. New limits ({@link #apply}) start every
 * bucket afresh: a caller gets the new allowance in full once.
 */
@ApplicationScoped
public class RateLimiter {

    /** The limits in force and the buckets made with them, swapped whole when the limits change. */
    private record State(Limits limits, Cache<String, Bucket> buckets) {
        State(Limits limits) {
            this(
                    limits,
                    Caffeine.newBuilder()
                            .maximumSize(200_000)
                            .expireAfterAccess(limits.period().multipliedBy(2))
                            .<String, Bucket>build());
        }
    }

    private volatile State state;

    public RateLimiter(GatewayConfig config) {
        GatewayConfig.RateLimits limits = config.rateLimit();
        this.state =
                new State(new Limits(limits.principal(), limits.anonymous(), limits.ownEndpoints(), limits.period()));
    }

    /**
     * Puts new limits in force; nothing changes when they equal those in force.
     *
     * @param limits the limits from now on
     */
    public void apply(Limits limits) {
        if (!state.limits().equals(limits)) {
            state = new State(limits);
        }
    }

    /** @return the limits in force on this instance */
    public Limits limits() {
        return state.limits();
    }

    /**
     * @param principalKey {@code GatewayPrincipal.key()}
     * @return 0 when the request may proceed, otherwise the seconds to wait ({@code Retry-After})
     */
    public long tryPrincipal(String principalKey) {
        State current = state;
        return consume(current, "p|" + principalKey, current.limits().principal());
    }

    /**
     * @param clientIp the caller's address
     * @return 0 when the request may proceed, otherwise the seconds to wait ({@code Retry-After})
     */
    public long tryAnonymous(String clientIp) {
        State current = state;
        return consume(current, "a|" + clientIp, current.limits().anonymous());
    }

    /**
     * Counts one request without a valid credential (none, refused, expired) against its address.
     *
     * @param clientIp the socket address of the caller (never a forwarded header)
     * @return 0 when the refusal may be answered with 401, otherwise the seconds to wait ({@code Retry-After})
     */
    public long tryRefused(String clientIp) {
        State current = state;
        return consume(current, "r|" + clientIp, current.limits().anonymous());
    }

    /**
     * Asks, without counting, whether an address still has allowance for refused credentials; the
     * edge looks no credential of an address up while it has none.
     *
     * @param clientIp the socket address of the caller
     * @return 0 when it has, otherwise the seconds until it has again
     */
    public long waitForRefused(String clientIp) {
        Bucket bucket = state.buckets().getIfPresent("r|" + clientIp);
        if (bucket == null) {
            return 0;
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? 0 : seconds(probe.getNanosToWaitForRefill());
    }

    /**
     * @param clientIp the caller's address
     * @return 0 when a request to {@code /api/gateway/**} may proceed, otherwise the seconds to wait
     */
    public long tryOwnEndpoints(String clientIp) {
        State current = state;
        return consume(current, "g|" + clientIp, current.limits().ownEndpoints());
    }

    private static long consume(State state, String key, long capacity) {
        Duration period = state.limits().period();
        Bucket bucket = state.buckets()
                .get(
                        key,
                        k -> Bucket.builder()
                                .addLimit(Bandwidth.builder()
                                        .capacity(capacity)
                                        .refillGreedy(capacity, period)
                                        .build())
                                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return 0;
        }
        return seconds(probe.getNanosToWaitForRefill());
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
