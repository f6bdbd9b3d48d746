package io.infrasystem.archsample.bad.resource;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.sql.SQLException;
import javax.sql.DataSource;

/** A resource that takes a JDBC connection from a plain {@link DataSource}. */
@Path("/data-source")
public class DataSourceResource {

    private final DataSource dataSource;

    /** @param dataSource the service's datasource */
    public DataSourceResource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @return whether a connection could be taken
     * @throws SQLException when the database refuses
     */
    @GET
    public boolean get() throws SQLException {
        return dataSource.getConnection() != null;
    }
}
