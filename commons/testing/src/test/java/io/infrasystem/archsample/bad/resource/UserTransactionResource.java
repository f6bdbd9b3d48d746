package io.infrasystem.archsample.bad.resource;

import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** A resource that demarcates a transaction through JTA's {@link UserTransaction} it is handed. */
@Path("/user-transaction")
public class UserTransactionResource {

    /**
     * @param transaction JTA's transaction handle
     * @throws Exception whatever JTA throws
     */
    @POST
    public void post(UserTransaction transaction) throws Exception {
        transaction.begin();
        transaction.commit();
    }
}
