package io.infrasystem.commons.probe;

import io.infrasystem.commons.testing.KafkaTestBrokerResource;
import io.infrasystem.commons.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * The external systems of the probe service's tests, for every test class of this module: a fresh
 * PostgreSQL database and a private Kafka broker (which the outage test stops and restarts).
 */
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(KafkaTestBrokerResource.class)
public final class ProbeResources {
    private ProbeResources() {}
}
