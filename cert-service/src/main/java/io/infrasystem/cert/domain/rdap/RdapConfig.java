package io.infrasystem.cert.domain.rdap;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** Registration data over RDAP ({@code infra.cert.rdap.*}, docs/services/cert-service.md#domains). */
@ConfigMapping(prefix = "infra.cert.rdap")
public interface RdapConfig {

    /** @return where the IANA bootstrap file for domains is refreshed from (RFC 9224) */
    @WithDefault("https://data.iana.org/rdap/dns.json")
    URI bootstrapUrl();

    /** @return how often the bootstrap file is refreshed, a scheduler period ({@code 7d}; {@code off}: never) */
    @WithDefault("7d")
    String bootstrapRefresh();

    /** @return how often due registrations are looked for, a scheduler period ({@code 15m}; {@code off}: never) */
    @WithDefault("15m")
    String refreshCheck();

    /** @return a registration older than this is queried again (24 h) */
    @WithDefault("24h")
    Duration maxAge();

    /** @return at most this many domains are queried per scheduled pass */
    @WithDefault("100")
    int batch();

    /** @return the pause between two queries of a scheduled pass, to stay below registries' rate limits (1 s) */
    @WithDefault("1s")
    Duration pause();

    /** @return connect and response timeout of one request (15 s) */
    @WithDefault("15s")
    Duration timeout();

    /** @return how long a server that answered 429 without {@code Retry-After} is left alone (1 h) */
    @WithDefault("1h")
    Duration rateLimitBackoff();
}
