package io.infrasystem.commons.outbox;

import io.infrasystem.commons.persistence.UtcTimes;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.function.ToDoubleFunction;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * How far the outbox relay is behind: the events not yet published and the age of the oldest.
 *
 * <p>A broker outage must not take a service out of its load balancer: writes keep working through
 * the outbox, so readiness depends on the database only. The outage shows here instead, as the
 * Prometheus gauges {@code infra_outbox_pending_events} and
 * {@code infra_outbox_oldest_pending_age_seconds}, and as the wellness check {@code outbox} on
 * {@code /q/health/well}, which is DOWN while the oldest pending event is older than
 * {@code infra.outbox.stale-after} or the relay's last pass failed.
 */
@Wellness
@ApplicationScoped
public class OutboxBacklog implements HealthCheck {

    private final DataSource dataSource;
    private final OutboxRelay relay;
    private final OutboxConfig config;

    public OutboxBacklog(DataSource dataSource, OutboxRelay relay, OutboxConfig config) {
        this.dataSource = dataSource;
        this.relay = relay;
        this.config = config;
    }

    /** The backlog at one moment: pending events and the age of the oldest one (zero if none). */
    public record Snapshot(long pending, Duration oldestAge) {}

    /**
     * Reads the backlog from the outbox table (one query on its pending index).
     *
     * @return the number of unsent events and the age of the oldest
     * @throws SQLException when the database cannot be read
     */
    public Snapshot snapshot() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select count(*), min(created_at) from outbox_event where sent_at is null");
                ResultSet row = query.executeQuery()) {
            row.next();
            LocalDateTime oldest = row.getObject(2, LocalDateTime.class);
            Duration age =
                    oldest == null ? Duration.ZERO : Duration.between(UtcTimes.fromColumn(oldest), Instant.now());
            return new Snapshot(row.getLong(1), age.isNegative() ? Duration.ZERO : age);
        }
    }

    void registerGauges(@Observes StartupEvent startup, MeterRegistry registry) {
        Gauge.builder("infra.outbox.pending", this, b -> b.read(s -> s.pending()))
                .description("Events in the outbox not yet published to Kafka")
                .baseUnit("events")
                .register(registry);
        Gauge.builder(
                        "infra.outbox.oldest.pending.age",
                        this,
                        b -> b.read(s -> s.oldestAge().toMillis() / 1000.0))
                .description("Age of the oldest event not yet published to Kafka")
                .baseUnit("seconds")
                .register(registry);
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder check = HealthCheckResponse.named("outbox");
        Snapshot backlog;
        try {
            backlog = snapshot();
        } catch (SQLException e) {
            return check.down()
                    .withData("error", "outbox unreadable: " + e.getMessage())
                    .build();
        }
        String lastError = relay.lastError();
        boolean stale = backlog.oldestAge().compareTo(config.staleAfter()) > 0;
        check.status(!stale && lastError == null)
                .withData("pending", backlog.pending())
                .withData("oldest_pending_age_seconds", backlog.oldestAge().toSeconds());
        if (lastError != null) {
            check.withData("last_error", lastError);
        }
        return check.build();
    }

    /** A gauge's value: NaN (Prometheus's "unknown") while the database cannot be read. */
    private double read(ToDoubleFunction<Snapshot> value) {
        try {
            return value.applyAsDouble(snapshot());
        } catch (SQLException e) {
            return Double.NaN;
        }
    }
}
