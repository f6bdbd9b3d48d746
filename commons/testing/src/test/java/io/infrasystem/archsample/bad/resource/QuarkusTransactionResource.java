package io.infrasystem.archsample.bad.resource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** A resource that opens a transaction programmatically. */
@Path("/quarkus-transaction")
public class QuarkusTransactionResource {

    /** @return a constant, computed in a new transaction */
    @POST
    public String post() {
        return QuarkusTransaction.requiringNew().call(() -> "x");
    }
}
