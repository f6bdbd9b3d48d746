package io.infrasystem.inventory.site;

import io.infrasystem.inventory.common.CrudResource;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/inventory/sites}: sites (datacenters); viewers read, editors write, admins delete. Filters:
 * {@code id name slug status time_zone created_at updated_at q ordering limit offset}.
 */
@Path("/api/inventory/sites")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SiteResource extends CrudResource<SiteDto, SiteInput> {

    public SiteResource(SiteService service) {
        super(service);
    }
}
