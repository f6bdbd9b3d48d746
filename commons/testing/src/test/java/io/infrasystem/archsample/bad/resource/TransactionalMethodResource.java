package io.infrasystem.archsample.bad.resource;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;

/** A resource recognised by its HTTP method annotation only (no {@code @Path}), with a transactional method. */
public class TransactionalMethodResource {

    /** @return a constant */
    @POST
    @Transactional
    public String post() {
        return "x";
    }
}
