package io.infrasystem.inventory.site;

import io.infrasystem.commons.crud.CrudResource;
import io.infrasystem.commons.crud.CrudScopes;
import io.infrasystem.commons.security.Scopes;
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
@CrudScopes(read = Scopes.INVENTORY_READ, write = Scopes.INVENTORY_WRITE, delete = Scopes.ADMIN)
public class SiteResource extends CrudResource<SiteDto, SiteInput> {

    public SiteResource(SiteService service) {
        super(service);
    }
}
