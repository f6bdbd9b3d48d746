package io.infrasystem.commons.probe;

import io.infrasystem.commons.testing.KafkaTestBrokerResource;
import io.infrasystem.commons.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** Runs the probe service on MariaDB instead of PostgreSQL. */
public class MariaDbProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.db-kind", "mariadb");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(TestDatabase.class, Map.of("kind", "mariadb")),
                new TestResourceEntry(KafkaTestBrokerResource.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
