package io.infrasystem.commons.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a service names its events ({@code infra.events.*}, DESIGN.md §4). */
@ConfigMapping(prefix = "infra.events")
public interface EventsConfig {

    /** First segment of every event type, e.g. {@code vm} in {@code vm.vm.updated}. */
    String service();

    /** Kafka topic of the service's change events, e.g. {@code vm.events}. */
    @WithDefault("${infra.events.service}.events")
    String topic();

    /** CloudEvents {@code source} of the service's events. */
    @WithDefault("/infra-system/${quarkus.application.name}")
    String source();
}
