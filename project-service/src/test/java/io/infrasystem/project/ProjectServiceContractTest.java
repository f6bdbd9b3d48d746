package io.infrasystem.project;

import io.infrasystem.commons.testing.ServiceContract;
import io.infrasystem.commons.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(TestDatabase.Postgres.class)
class ProjectServiceContractTest extends ServiceContract {

    ProjectServiceContractTest() {
        super("/api/project/audit");
    }
}
