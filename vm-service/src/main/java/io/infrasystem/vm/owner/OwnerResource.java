package io.infrasystem.vm.owner;

import io.infrasystem.commons.crud.CrudResource;
import io.infrasystem.commons.crud.CrudScopes;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Owners CRUD at {@code /api/vm/owners} on the commons kernel: list (filters {@code full_name},
 * {@code email}, {@code department}, {@code q}), create (201; 409 for a taken e-mail), read
 * ({@code ETag}), {@code PATCH} (JSON Merge Patch, {@code If-Match}), delete (VMs keep no reference
 * to it); {@code vm:read} reads, {@code vm:write} writes and deletes.
 */
@Path("/api/vm/owners")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@CrudScopes(read = Scopes.VM_READ, write = Scopes.VM_WRITE, delete = Scopes.VM_WRITE)
public class OwnerResource extends CrudResource<OwnerDto, OwnerInput> {

    public OwnerResource(OwnerService owners) {
        super(owners);
    }
}
