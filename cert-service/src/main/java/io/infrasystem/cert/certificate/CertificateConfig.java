package io.infrasystem.cert.certificate;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of certificate status ({@code infra.cert.*}). */
@ConfigMapping(prefix = "infra.cert")
public interface CertificateConfig {

    /** @return a certificate ending within this many days is {@code expiring} (default 30) */
    @WithDefault("30")
    int expiringDays();

    /** @return how often stored statuses follow the clock, a Quarkus scheduler period (default {@code 1h}) */
    @WithDefault("1h")
    String statusRefresh();
}
