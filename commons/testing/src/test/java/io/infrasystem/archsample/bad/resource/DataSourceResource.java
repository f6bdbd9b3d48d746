package io.infrasystem.archsample.bad.resource;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.sql.SQLException;
import javax.sql.DataSource;

/** A resource that takes a JDBC connection from a plain {@link DataSource} it is handed. */
@Path("/data-source")
public class DataSourceResource {

    /**
     * @param dataSource the service's datasource
     * @return whether a connection could be taken
     * @throws SQLException when the database refuses
     */
    @GET
    public boolean get(DataSource dataSource) throws SQLException {
        return dataSource.getConnection() != null;
    }
}
