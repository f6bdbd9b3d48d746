package io.infrasystem.commons.outbox;

import io.infrasystem.commons.probe.MariaDbProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(MariaDbProfile.class)
class TwoRelaysMariaDbTest extends TwoRelaysContract {}
