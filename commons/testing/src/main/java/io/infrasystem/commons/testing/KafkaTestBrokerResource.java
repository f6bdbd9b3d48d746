package io.infrasystem.commons.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Runs the application under test against a private {@link KafkaTestBroker}, which tests can stop
 * and restart through {@link #broker()} to simulate an outage. Sets {@code kafka.bootstrap.servers}.
 */
public class KafkaTestBrokerResource implements QuarkusTestResourceLifecycleManager {

    private static volatile KafkaTestBroker broker;

    /** @return the broker of the running test application */
    public static KafkaTestBroker broker() {
        if (broker == null) {
            throw new IllegalStateException("KafkaTestBrokerResource is not active for this test");
        }
        return broker;
    }

    @Override
    public Map<String, String> start() {
        broker = new KafkaTestBroker();
        broker.start();
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }
}
