package io.infrasystem.archsample.bad.resource;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** A resource working on a {@link Connection} it was handed. */
@Path("/connection")
public class ConnectionResource {

    private final Connection connection;

    /** @param connection an open JDBC connection */
    public ConnectionResource(Connection connection) {
        this.connection = connection;
    }

    /**
     * @return whether the connection is closed
     * @throws SQLException when the driver fails
     */
    @GET
    public boolean get() throws SQLException {
        return connection.isClosed();
    }
}
