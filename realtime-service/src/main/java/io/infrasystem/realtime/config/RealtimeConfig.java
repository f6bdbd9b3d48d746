package io.infrasystem.realtime.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Configuration of the realtime service ({@code infra.realtime.*}). */
@ConfigMapping(prefix = "infra.realtime")
public interface RealtimeConfig {

    /** The Kafka consumer that feeds every connection. */
    Consumer consumer();

    /** The replay buffer that lets reconnecting clients catch up. */
    Replay replay();

    /** Per-connection limits and liveness. */
    Connections connections();

    /** Who sees which event types. */
    Visibility visibility();

    /** Per-project delivery of project-service's events. */
    Projects projects();

    /** Kafka consumer settings. */
    interface Consumer {

        /** Java regular expression of the topics consumed; new matching topics are picked up. */
        @WithDefault(".*\\.events")
        String topicPattern();

        /**
         * How often the consumer refreshes topic metadata (Kafka {@code metadata.max.age.ms}); it
         * bounds how long a new topic goes unnoticed.
         */
        @WithDefault("30s")
        Duration metadataRefresh();

        /** Prefix of the consumer group; a random suffix makes it unique to the instance (broadcast). */
        @WithDefault("realtime-")
        String groupPrefix();
    }

    /** Replay buffer bounds: an event leaves the buffer when either bound is exceeded. */
    interface Replay {

        /** Most events kept. */
        @WithDefault("10000")
        int maxEvents();

        /** Oldest event kept, measured from its receipt by this instance. */
        @WithDefault("5m")
        Duration maxAge();
    }

    /** Connection limits. */
    interface Connections {

        /**
         * Most messages queued for one connection and not yet written to its socket; one more
         * closes the connection as a slow client.
         */
        @WithDefault("1000")
        int queueCapacity();

        /** Interval of WebSocket pings and SSE keepalive comments. */
        @WithDefault("20s")
        Duration keepaliveInterval();

        /**
         * A WebSocket from which nothing (message or pong) arrived for this long is closed.
         * Should be a few keepalive intervals.
         */
        @WithDefault("70s")
        Duration idleTimeout();

        /** Most type patterns plus subjects one connection may hold. */
        @WithDefault("200")
        int maxFilters();

        /**
         * Most streams (WebSocket and SSE together) one principal may hold open on this instance;
         * one more is refused with 429.
         */
        @WithDefault("10")
        int maxPerPrincipal();
    }

    /** Role-based visibility of event types. */
    interface Visibility {

        /** Type patterns only {@code admin} receives (e.g. {@code mail.*}). */
        @WithDefault("mail.*,gateway.*,vm.system_api.*")
        List<String> adminOnlyTypes();
    }

    /**
     * project-service's events reach administrators and the project's members only; the members
     * are learnt from its {@code project.assignment.*} events (DESIGN.md §10).
     */
    interface Projects {

        /** project-service's topic, read from its beginning at start-up for the assignments. */
        @WithDefault("project.events")
        String topic();

        /** The event types delivered per project (the rest of the suite's types are not scoped). */
        @WithDefault("project.")
        String typePrefix();
    }
}
