package io.infrasystem.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration of the gateway under {@code infra.gateway} (environment {@code INFRA_GATEWAY_*}).
 */
@ConfigMapping(prefix = "infra.gateway")
public interface GatewayConfig {

    /**
     * @return where services fetch this gateway's JWKS ({@code INFRA_GATEWAY_JWKS_URL}); the gateway's
     *     own endpoints verify internal tokens presented to them against it, like every service
     */
    String jwksUrl();

    /** @return the route table, by route name (e.g. {@code vm}); see {@link Route} */
    Map<String, Route> routes();

    /** @return how the gateway talks to the services */
    Upstream upstream();

    /** @return the internal token */
    Token token();

    /** @return API key handling */
    ApiKeys apiKeys();

    /** @return how API key owners are re-checked in Keycloak */
    Owners owners();

    /** @return rate limits */
    RateLimits rateLimit();

    /** @return the log of authentication failures */
    AuthFailures authFailures();

    /** One entry of the route table: requests whose path starts with {@link #prefix()} go to {@link #url()}. */
    interface Route {
        /** @return path prefix without trailing slash, e.g. {@code /api/vm}; paths pass through unchanged */
        String prefix();

        /** @return base URL of the service ({@code http://host:port}; only scheme, host and port are used) */
        URI url();

        /** @return largest request body accepted on this route (413 above it), e.g. {@code 10M} */
        @WithDefault("10M")
        MemorySize maxBodySize();

        /** @return path prefixes of this route that accept the larger {@link #largeBodySize()} (sync, import) */
        Optional<java.util.List<String>> largeBodyPaths();

        /** @return idle timeout of this route (e.g. longer for event streams); default {@code upstream.idle-timeout} */
        Optional<Duration> idleTimeout();

        /** @return body cap of {@link #largeBodyPaths()} */
        @WithDefault("256M")
        MemorySize largeBodySize();
    }

    /** Connections to the services. */
    interface Upstream {
        /** @return time to establish a TCP connection before answering 502 */
        @WithDefault("2s")
        Duration connectTimeout();

        /** @return time without any byte from the service before answering 504 (or closing a started response) */
        @WithDefault("30s")
        Duration idleTimeout();

        /** @return maximum pooled connections per service */
        @WithDefault("200")
        int maxPoolSize();
    }

    /** The internal JWT the gateway signs (issuer {@code infra-gateway}, audience {@code infra-services}). */
    interface Token {
        /** @return lifetime of an internal token; at most 5 minutes */
        @WithDefault("5m")
        Duration lifetime();

        /** @return a cached token is replaced this long before it expires */
        @WithDefault("60s")
        Duration renewBefore();

        /** @return age after which a new signing key is generated at start-up (the previous one stays in the JWKS) */
        @WithDefault("90d")
        Duration keyRotationPeriod();
    }

    /** API keys. */
    interface ApiKeys {
        /** @return how long a key looked up in the database is trusted before it is read again (revocation on another instance takes at most this long) */
        @WithDefault("30s")
        Duration cacheTtl();

        /** @return {@code last_used_at} is written at most once per this interval per key */
        @WithDefault("60s")
        Duration lastUsedGranularity();

        /** @return lifetime of a new key created without {@code expires_at} (capped by {@link #maxLifetime()}) */
        @WithDefault("90d")
        Duration defaultLifetime();

        /** @return longest lifetime a new key may have */
        @WithDefault("365d")
        Duration maxLifetime();
    }

    /**
     * Re-checking API key owners in Keycloak (realm {@code infra.keycloak.realm}) through the admin
     * REST API, with the service account of a confidential client holding
     * {@code realm-management/view-users} (environment {@code INFRA_GATEWAY_OWNERS_CLIENT_ID},
     * {@code INFRA_GATEWAY_OWNERS_CLIENT_SECRET}).
     */
    interface Owners {
        /** @return client id of the service account */
        @WithDefault("infra-gateway-directory")
        String clientId();

        /** @return its secret; without it every API key is refused (fail closed) */
        Optional<String> clientSecret();

        /** @return how long an owner's standing is remembered; at most 60 s */
        @WithDefault("60s")
        Duration cacheTtl();
    }

    /** Token buckets (Bucket4j, greedy refill). */
    interface RateLimits {
        /** @return requests per {@link #period()} of one authenticated principal */
        @WithDefault("600")
        long principal();

        /** @return requests per {@link #period()} of one client IP for requests without a valid credential */
        @WithDefault("120")
        long anonymous();

        /** @return requests per {@link #period()} of one client IP to the gateway's own endpoints ({@code /api/gateway/**}) */
        @WithDefault("600")
        long ownEndpoints();

        /** @return refill period of the buckets */
        @WithDefault("1m")
        Duration period();

        /**
         * @return how often each instance reads the limits an administrator stored
         *     ({@code /api/gateway/rate-limits}); a change made on another instance applies here
         *     within this interval
         */
        @WithDefault("15s")
        Duration reloadInterval();
    }

    /** The auth_failure table. */
    interface AuthFailures {
        /** @return failures written per second at most; the rest are only counted */
        @WithDefault("20")
        long perSecond();

        /** @return rows older than this are purged */
        @WithDefault("30d")
        Duration retention();
    }
}
