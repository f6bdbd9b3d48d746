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

    /**
     * @return the largest share (0–1) of a source's live VMs that a full sync or a run's finish may
     *     soft-delete without {@code confirm_deletions=true}; more is refused with 409
     */
    @WithDefault("0.5")
    double maxDeletedShare();

    /** @return timeout of a call to an n8n webhook when triggering a sync */
    @WithDefault("PT10S")
    Duration triggerTimeout();
}
