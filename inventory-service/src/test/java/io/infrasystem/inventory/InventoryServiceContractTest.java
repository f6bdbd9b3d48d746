package io.infrasystem.inventory;

import io.infrasystem.commons.testing.ServiceContract;
import io.infrasystem.commons.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(TestDatabase.MariaDb.class)
class InventoryServiceContractTest extends ServiceContract {

    InventoryServiceContractTest() {
        super("/api/inventory/audit");
    }
}
