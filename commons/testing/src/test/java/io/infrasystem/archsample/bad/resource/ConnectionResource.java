package io.infrasystem.archsample.bad.resource;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** A resource working on a {@link Connection} it is handed. */
@Path("/connection")
public class ConnectionResource {

    /**
     * @param connection an open JDBC connection
     * @return whether the connection is closed
     * @throws SQLException when the driver fails
     */
    @GET
    public boolean get(Connection connection) throws SQLException {
        return connection.isClosed();
    }
}
