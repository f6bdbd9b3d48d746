package io.infrasystem.realtime;

import io.infrasystem.realtime.support.TestEvents;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * What every test of live delivery needs: a producer of test events to the services' topics (one
 * per test class) and the application's Vert.x for the clients.
 */
abstract class LiveEventsTest {

    /** How long a client waits for an event that must arrive. */
    static final Duration WAIT = Duration.ofSeconds(15);

    static TestEvents events;

    @Inject
    Vertx vertx;

    @BeforeAll
    static void producer() {
        events = new TestEvents();
    }

    @AfterAll
    static void closeProducer() {
        events.close();
    }
}
