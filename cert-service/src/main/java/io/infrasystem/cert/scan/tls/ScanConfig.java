package io.infrasystem.cert.scan.tls;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of the TLS scanner ({@code infra.cert.scan.*}). */
@ConfigMapping(prefix = "infra.cert.scan")
public interface ScanConfig {

    /** @return TCP connect timeout (default 5 s) */
    @WithDefault("5s")
    Duration connectTimeout();

    /** @return limit on the STARTTLS exchange and the TLS handshake together (default 10 s) */
    @WithDefault("10s")
    Duration handshakeTimeout();

    /** @return handshakes in flight at once across all targets (default 32) */
    @WithDefault("32")
    int maxConcurrency();

    /** @return handshakes in flight at once to one address, at most 5 (default 5) */
    @WithDefault("5")
    int maxPerHost();

    /**
     * @return the most scan outcomes stored in one transaction (default 25); the recorder takes
     *     whatever is waiting, so a lone outcome is stored at once
     */
    @WithDefault("25")
    int recordBatch();

    /**
     * @return recording threads of an instance (default 1, at most 8); with more, batches that
     *     upsert the same rows race, and the loser is stored again outcome by outcome
     */
    @WithDefault("1")
    int recordThreads();

    /** @return how often due scheduled targets are looked for, a Quarkus scheduler period ({@code 1m}; {@code off}) */
    @WithDefault("1m")
    String scheduleCheck();

    /**
     * @return CIDR blocks a target's addresses must fall in (default everything: {@code 0.0.0.0/0},
     *     {@code ::/0}); loopback, link-local, unspecified and cloud metadata addresses need a
     *     block of their own here (a default route never allows them)
     */
    @WithDefault("0.0.0.0/0,::/0")
    List<String> allowedNetworks();

    /**
     * @return domain globs ({@code *.example.com}) whose names are scanned even when their
     *     addresses fall outside {@link #allowedNetworks} (special addresses still need a block)
     */
    Optional<List<String>> allowedDomains();
}
