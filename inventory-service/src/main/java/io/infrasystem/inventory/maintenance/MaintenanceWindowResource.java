package io.infrasystem.inventory.maintenance;

import io.infrasystem.commons.crud.CrudResource;
import io.infrasystem.commons.crud.CrudScopes;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/inventory/maintenance-windows}: maintenance windows; viewers read, editors write, admins delete.
 * Filters: {@code id created_at updated_at site site_id rack_id asset_id starts_at ends_at q ordering limit offset}.
 */
@Path("/api/inventory/maintenance-windows")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@CrudScopes(read = Scopes.INVENTORY_READ, write = Scopes.INVENTORY_WRITE, delete = Scopes.ADMIN)
public class MaintenanceWindowResource extends CrudResource<MaintenanceWindowDto, MaintenanceWindowInput> {

    public MaintenanceWindowResource(MaintenanceWindowService service) {
        super(service);
    }
}
