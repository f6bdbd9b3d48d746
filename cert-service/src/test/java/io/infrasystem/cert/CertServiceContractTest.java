package io.infrasystem.cert;

import io.infrasystem.commons.testing.ServiceContract;
import io.infrasystem.commons.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = TestDatabase.class, initArgs = @ResourceArg(name = "kind", value = "postgresql"))
class CertServiceContractTest extends ServiceContract {

    @Override
    protected String auditPath() {
        return "/api/cert/audit";
    }
}
