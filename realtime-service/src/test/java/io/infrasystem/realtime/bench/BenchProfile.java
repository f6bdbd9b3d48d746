package io.infrasystem.realtime.bench;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The benchmark's application: realtime-service plus commons-data's outbox on a throw-away
 * PostgreSQL database, standing in for "a service's REST write through its outbox".
 */
public class BenchProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("quarkus.datasource.db-kind", "postgresql"),
                Map.entry("quarkus.liquibase.change-log", "bench/db.changelog-master.xml"),
                Map.entry("infra.events.service", "bench"),
                Map.entry("infra.realtime.consumer.metadata-refresh", "1s"),
                Map.entry("infra.realtime.connections.keepalive-interval", "20s"),
                Map.entry("infra.realtime.connections.idle-timeout", "70s"),
                Map.entry("infra.realtime.replay.max-events", "10000"),
                Map.entry("infra.realtime.replay.max-age", "1m"),
                // every bench client is one principal (Tokens.benchReader)
                Map.entry("infra.realtime.connections.max-per-principal", "100000"),
                Map.entry("quarkus.log.category.\"io.infrasystem\".level", "WARN"),
                Map.entry("quarkus.http.limits.max-connections", "20000"));
    }
}
