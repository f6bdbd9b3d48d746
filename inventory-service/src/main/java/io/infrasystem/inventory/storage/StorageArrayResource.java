package io.infrasystem.inventory.storage;

import io.infrasystem.commons.crud.CrudResource;
import io.infrasystem.commons.crud.CrudScopes;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/inventory/storage-arrays}: storage arrays and their capacity; viewers read, editors write, admins delete.
 * Filters: {@code id created_at updated_at name site site_id model_id status total_tb used_tb q ordering limit offset}.
 */
@Path("/api/inventory/storage-arrays")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@CrudScopes(read = Scopes.INVENTORY_READ, write = Scopes.INVENTORY_WRITE, delete = Scopes.ADMIN)
public class StorageArrayResource extends CrudResource<StorageArrayDto, StorageArrayInput> {

    public StorageArrayResource(StorageArrayService service) {
        super(service);
    }
}
