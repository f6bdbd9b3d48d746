package io.infrasystem.archsample.bad.resource;

import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** A resource that demarcates a transaction through JTA's {@link UserTransaction}. */
@Path("/user-transaction")
public class UserTransactionResource {

    private final UserTransaction transaction;

    /** @param transaction JTA's transaction handle */
    public UserTransactionResource(UserTransaction transaction) {
        this.transaction = transaction;
    }

    /** @throws Exception whatever JTA throws */
    @POST
    public void post() throws Exception {
        transaction.begin();
        transaction.commit();
    }
}
