package io.infrasystem.inventory.manufacturer;

import io.infrasystem.commons.crud.CrudResource;
import io.infrasystem.commons.crud.CrudScopes;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/inventory/manufacturers}: hardware brands; viewers read, editors write, admins delete.
 * Filters: {@code id created_at updated_at name slug q ordering limit offset}.
 */
@Path("/api/inventory/manufacturers")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@CrudScopes(read = Scopes.INVENTORY_READ, write = Scopes.INVENTORY_WRITE, delete = Scopes.ADMIN)
public class ManufacturerResource extends CrudResource<ManufacturerDto, ManufacturerInput> {

    public ManufacturerResource(ManufacturerService service) {
        super(service);
    }
}
