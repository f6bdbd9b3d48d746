package io.infrasystem.mail;

import io.infrasystem.commons.testing.ServiceContract;
import io.infrasystem.commons.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(TestDatabase.MariaDb.class)
class MailServiceContractTest extends ServiceContract {

    MailServiceContractTest() {
        super("/api/mail/audit");
    }
}
