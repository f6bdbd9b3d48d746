package io.infrasystem.realtime.fanout;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service's Micrometer meters (Prometheus names at {@code /q/metrics}):
 * {@code realtime_clients{transport}} (connected now), {@code realtime_events_received_total}
 * (records read from Kafka), {@code realtime_events_invalid_total} (records that are not
 * CloudEvents), {@code realtime_events_pushed_total{transport}} (messages written to clients),
 * {@code realtime_clients_dropped_total{transport,reason}} (connections the server closed),
 * {@code realtime_consumer_lag} (records behind the end of the consumed partitions) and
 * {@code realtime_replay_buffered} (events held for resumption).
 */
@ApplicationScoped
public class RealtimeMetrics {

    private final MeterRegistry registry;
    private final Map<Transport, AtomicInteger> clients = new EnumMap<>(Transport.class);
    private final Map<Transport, Counter> pushed = new EnumMap<>(Transport.class);
    private final Counter received;
    private final Counter invalid;
    private final AtomicLong lag = new AtomicLong();
    private final AtomicInteger buffered = new AtomicInteger();

    /** @param registry the application's registry */
    public RealtimeMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Transport transport : Transport.values()) {
            AtomicInteger count = new AtomicInteger();
            clients.put(transport, count);
            Gauge.builder("realtime.clients", count, AtomicInteger::get)
                    .tag("transport", transport.tag())
                    .description("Connected clients")
                    .register(registry);
            pushed.put(
                    transport,
                    Counter.builder("realtime.events.pushed")
                            .tag("transport", transport.tag())
                            .description("Messages written to clients")
                            .register(registry));
        }
        received = Counter.builder("realtime.events.received")
                .description("Records read from Kafka")
                .register(registry);
        invalid = Counter.builder("realtime.events.invalid")
                .description("Records skipped because they are not CloudEvents")
                .register(registry);
        Gauge.builder("realtime.consumer.lag", lag, AtomicLong::get)
                .description("Records behind the end of the consumed partitions")
                .register(registry);
        Gauge.builder("realtime.replay.buffered", buffered, AtomicInteger::get)
                .description("Events held for resumption")
                .register(registry);
    }

    /** @param transport a client connected */
    public void connected(Transport transport) {
        clients.get(transport).incrementAndGet();
    }

    /** @param transport a client went away */
    public void disconnected(Transport transport) {
        clients.get(transport).decrementAndGet();
    }

    /**
     * @param transport the transport
     * @return clients connected now
     */
    public int clients(Transport transport) {
        return clients.get(transport).get();
    }

    /** @param transport a message was written to a client */
    public void pushed(Transport transport) {
        pushed.get(transport).increment();
    }

    /**
     * @param transport the client's transport
     * @param reason why the server closed it
     */
    public void dropped(Transport transport, DropReason reason) {
        Counter.builder("realtime.clients.dropped")
                .tag("transport", transport.tag())
                .tag("reason", reason.tag())
                .description("Connections closed by the server")
                .register(registry)
                .increment();
    }

    /**
     * @param transport the transport
     * @param reason the reason
     * @return connections dropped so far
     */
    public double droppedCount(Transport transport, DropReason reason) {
        Counter counter = registry.find("realtime.clients.dropped")
                .tag("transport", transport.tag())
                .tag("reason", reason.tag())
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /** A record was read from Kafka. */
    public void received() {
        received.increment();
    }

    /** A record was skipped because it is not a CloudEvent. */
    public void invalid() {
        invalid.increment();
    }

    /** @param records records behind the end of the consumed partitions */
    public void lag(long records) {
        lag.set(records);
    }

    /** @param events events now held in the replay buffer */
    public void buffered(int events) {
        buffered.set(events);
    }
}
