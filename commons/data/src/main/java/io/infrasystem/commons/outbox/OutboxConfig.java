package io.infrasystem.commons.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Configuration of the outbox relay ({@code infra.outbox.*}). */
@ConfigMapping(prefix = "infra.outbox")
public interface OutboxConfig {

    /** Whether this instance runs a relay; every instance may, one publishes at a time. */
    @WithDefault("true")
    boolean relayEnabled();

    /** Most events published in one pass. */
    @WithDefault("500")
    int batchSize();

    /** How long the relay sleeps when nothing wakes it (a commit with events wakes it at once). */
    @WithDefault("1s")
    Duration pollInterval();

    /** Longest wait between passes while the broker keeps failing (back-off doubles up to this). */
    @WithDefault("10s")
    Duration maxBackoff();

    /** How long a pass waits for the broker to acknowledge its batch before it counts as failed. */
    @WithDefault("10s")
    Duration sendTimeout();

    /**
     * Age of the oldest unpublished event beyond which the {@code outbox} wellness check reports
     * DOWN (readiness never depends on the broker).
     */
    @WithDefault("60s")
    Duration staleAfter();

    /** How long sent events are kept before they are purged. */
    @WithDefault("P7D")
    Duration retention();
}
