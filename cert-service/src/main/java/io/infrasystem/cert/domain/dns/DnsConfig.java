package io.infrasystem.cert.domain.dns;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** DNS lookups of domains ({@code infra.cert.dns.*}, docs/services/cert-service.md#domains). */
@ConfigMapping(prefix = "infra.cert.dns")
public interface DnsConfig {

    /**
     * @return the resolver asked, {@code host} or {@code host:port} ({@code [v6]:port} for IPv6);
     *     none: the system's first name server (dnsjava reads {@code /etc/resolv.conf})
     */
    Optional<String> resolver();

    /** @return how long one query may take, retries included (5 s) */
    @WithDefault("5s")
    Duration timeout();

    /** @return how often due lookups are looked for, a scheduler period ({@code 15m}; {@code off}: never) */
    @WithDefault("15m")
    String refreshCheck();

    /** @return a domain looked up longer ago than this is looked up again (6 h) */
    @WithDefault("6h")
    Duration maxAge();

    /** @return at most this many domains per scheduled pass */
    @WithDefault("200")
    int batch();
}
