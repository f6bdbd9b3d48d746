package io.infrasystem.archsample.bad.resource;

import io.agroal.api.AgroalDataSource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A resource holding Agroal's datasource. */
@Path("/agroal")
public class AgroalResource {

    private final AgroalDataSource dataSource;

    /** @param dataSource the service's datasource */
    public AgroalResource(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return the pool's metrics as text */
    @GET
    public String get() {
        return dataSource.getMetrics().toString();
    }
}
