package io.infrasystem.commons.outbox;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TwoRelaysPostgresTest extends TwoRelaysContract {}
