package io.infrasystem.realtime;

import io.infrasystem.commons.testing.ServiceContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RealtimeServiceContractTest extends ServiceContract {

    RealtimeServiceContractTest() {
        super(null);
    }
}
