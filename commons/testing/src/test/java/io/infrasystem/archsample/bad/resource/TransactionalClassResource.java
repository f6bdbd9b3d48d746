package io.infrasystem.archsample.bad.resource;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A resource whose every method runs in a transaction. */
@Path("/transactional-class")
@Transactional
public class TransactionalClassResource {

    /** @return a constant */
    @GET
    public String get() {
        return "x";
    }
}
