package io.infrasystem.cert.alert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Expiry alerts ({@code infra.cert.alerts.*}). */
@ConfigMapping(prefix = "infra.cert.alerts")
public interface AlertConfig {

    /** @return days before {@code not_after} at which a certificate is alerted, once each (default 60, 30, 14, 7, 1) */
    @WithDefault("60,30,14,7,1")
    List<Integer> thresholdDays();

    /** @return how often the check runs, a Quarkus scheduler period ({@code 1h}; {@code off} disables it) */
    @WithDefault("1h")
    String every();

    /** @return e-mail addresses of the {@code notification.requested} messages; none: events only */
    Optional<List<String>> recipients();

    /** @return a mail-gateway notification channel that also receives them */
    Optional<String> channel();
}
