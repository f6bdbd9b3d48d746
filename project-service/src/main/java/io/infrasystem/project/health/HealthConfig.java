package io.infrasystem.project.health;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the Odoo instance health probe ({@code infra.project.health.*}). */
@ConfigMapping(prefix = "infra.project.health")
public interface HealthConfig {

    /** @return whether the scheduled probe of every active instance runs (on-demand probes always work) */
    @WithDefault("false")
    boolean enabled();

    /** @return how long one probe may take, connection included */
    @WithDefault("PT5S")
    Duration timeout();

    /** @return how many probes of each instance are kept (older ones are deleted after a probe) */
    @WithDefault("200")
    int keep();
}
