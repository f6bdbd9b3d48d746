package io.infrasystem.gateway;

import io.infrasystem.commons.testing.ServiceContract;
import io.infrasystem.commons.testing.TestDatabase;
import io.infrasystem.gateway.support.UpstreamStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;

@QuarkusTest
@QuarkusTestResource(value = TestDatabase.class, initArgs = @ResourceArg(name = "kind", value = "postgresql"))
@QuarkusTestResource(UpstreamStub.class)
class GatewayServiceContractTest extends ServiceContract {

    /** Any URL of the management interface, where the gateway serves health and metrics. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    GatewayServiceContractTest() {
        super("/api/gateway/audit");
    }

    @Override
    protected String managementBase() {
        return "http://" + management.getHost() + ":" + management.getPort();
    }
}
