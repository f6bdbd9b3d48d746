package io.infrasystem.inventory;

import io.infrasystem.commons.testing.architecture.ServiceArchitectureTest;

/** The suite's architecture rules applied to this service's production classes. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("io.infrasystem.inventory");
    }
}
