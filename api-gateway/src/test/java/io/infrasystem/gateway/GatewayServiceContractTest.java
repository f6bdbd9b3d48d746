package io.infrasystem.gateway;

import io.infrasystem.commons.testing.ServiceContract;
import io.infrasystem.commons.testing.TestDatabase;
import io.infrasystem.gateway.support.UpstreamStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = TestDatabase.class, initArgs = @ResourceArg(name = "kind", value = "postgresql"))
@QuarkusTestResource(UpstreamStub.class)
class GatewayServiceContractTest extends ServiceContract {

    GatewayServiceContractTest() {
        super("/api/gateway/audit");
    }
}
