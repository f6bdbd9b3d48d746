package io.infrasystem.inventory.eos;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** The scheduled End-of-Support report ({@code inventory.eos-report.*}). */
@ConfigMapping(prefix = "inventory.eos-report")
public interface EosReportConfig {

    /** Quartz-style cron of the job, in UTC; default monthly, the 1st at 06:00. */
    @WithDefault("0 0 6 1 * ?")
    String cron();

    /** Days ahead of the run date that the report covers. */
    @WithDefault("90")
    int withinDays();

    /** Email addresses that receive the report; without any, the job publishes nothing. */
    Optional<List<String>> recipients();

    /** Optional notification channel of mail-gateway that also receives it. */
    Optional<String> channel();
}
