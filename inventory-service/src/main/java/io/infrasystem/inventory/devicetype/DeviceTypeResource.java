package io.infrasystem.inventory.devicetype;

import io.infrasystem.commons.crud.CrudResource;
import io.infrasystem.commons.crud.CrudScopes;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/inventory/device-types}: categories of hardware; viewers read, editors write, admins delete.
 * Filters: {@code id created_at updated_at name category q ordering limit offset}.
 */
@Path("/api/inventory/device-types")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@CrudScopes(read = Scopes.INVENTORY_READ, write = Scopes.INVENTORY_WRITE, delete = Scopes.ADMIN)
public class DeviceTypeResource extends CrudResource<DeviceTypeDto, DeviceTypeInput> {

    public DeviceTypeResource(DeviceTypeService service) {
        super(service);
    }
}
