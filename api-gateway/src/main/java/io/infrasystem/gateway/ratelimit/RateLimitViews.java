package io.infrasystem.gateway.ratelimit;

import java.time.Instant;

/** Request and response bodies of {@code /api/gateway/rate-limits}. */
public final class RateLimitViews {

    private RateLimitViews() {}

    /**
     * The limits in force, as administrators see them.
     *
     * @param principal requests per period of one authenticated user or API key
     * @param anonymous requests per period of one client IP on public paths, and as much again for
     *     requests of one client IP without a valid credential
     * @param ownEndpoints requests per period of one client IP to {@code /api/gateway/**}
     * @param periodSeconds refill period of the buckets, seconds
     * @param stored false while the configuration's defaults apply (nothing saved yet)
     * @param updatedBy who saved them last ({@code null} while the defaults apply)
     * @param updatedAt when they were saved last ({@code null} while the defaults apply)
     * @param version 0 while the defaults apply; the {@code ETag}
     */
    public record View(
            long principal,
            long anonymous,
            long ownEndpoints,
            int periodSeconds,
            boolean stored,
            String updatedBy,
            Instant updatedAt,
            long version) {}

    /**
     * New limits (every field).
     *
     * @param principal {@value RateLimitSettingsService#MIN_REQUESTS}–{@value RateLimitSettingsService#MAX_REQUESTS}
     * @param anonymous {@value RateLimitSettingsService#MIN_REQUESTS}–{@value RateLimitSettingsService#MAX_REQUESTS}
     * @param ownEndpoints {@value RateLimitSettingsService#MIN_REQUESTS}–{@value RateLimitSettingsService#MAX_REQUESTS}
     * @param periodSeconds {@value RateLimitSettingsService#MIN_PERIOD_SECONDS}–{@value RateLimitSettingsService#MAX_PERIOD_SECONDS}
     */
    public record Input(Long principal, Long anonymous, Long ownEndpoints, Integer periodSeconds) {}
}
