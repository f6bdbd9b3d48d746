package io.infrasystem.archsample.good.site;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.sql.SQLException;

/** A resource that leaves transactions and connections to {@link SiteService}. */
@Path("/sites")
public class SiteResource {

    private final SiteService service;

    /** @param service the site service */
    public SiteResource(SiteService service) {
        this.service = service;
    }

    /**
     * @return the database's product name
     * @throws SQLException when the database refuses
     */
    @GET
    public String get() throws SQLException {
        return service.databaseName();
    }
}
