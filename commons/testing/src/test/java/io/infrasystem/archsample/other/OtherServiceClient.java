package io.infrasystem.archsample.other;

/** A class of another service. */
public class OtherServiceClient {

    /** @return a greeting */
    public String hello() {
        return "hello";
    }
}
