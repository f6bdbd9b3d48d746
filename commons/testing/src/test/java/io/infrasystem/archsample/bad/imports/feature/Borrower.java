package io.infrasystem.archsample.bad.imports.feature;

import io.infrasystem.archsample.other.OtherServiceClient;

/** Calls another service's class directly instead of over HTTP or Kafka. */
public class Borrower {

    /** @return what the other service answers */
    public String borrow() {
        return new OtherServiceClient().hello();
    }
}
