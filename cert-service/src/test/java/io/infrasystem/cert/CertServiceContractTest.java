package io.infrasystem.cert;

import io.infrasystem.commons.testing.ServiceContract;
import io.infrasystem.commons.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(TestDatabase.Postgres.class)
class CertServiceContractTest extends ServiceContract {

    CertServiceContractTest() {
        super("/api/cert/audit");
    }
}
