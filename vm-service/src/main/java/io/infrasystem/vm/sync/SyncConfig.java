package io.infrasystem.vm.sync;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the sync path ({@code infra.vm.sync.*}). */
@ConfigMapping(prefix = "infra.vm.sync")
public interface SyncConfig {

    /** @return how long a chunked run stays open without being finished before it expires (ISO-8601 duration) */
    @WithDefault("PT2H")
    Duration runTtl();

    /** @return timeout of a call to an n8n webhook when triggering a sync */
    @WithDefault("PT10S")
    Duration triggerTimeout();
}
