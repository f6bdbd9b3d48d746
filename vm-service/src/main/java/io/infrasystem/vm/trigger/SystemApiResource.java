package io.infrasystem.vm.trigger;

import io.infrasystem.commons.crud.CrudResource;
import io.infrasystem.commons.crud.CrudScopes;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * System APIs (the n8n webhooks the triggers call), admin only, on the commons kernel:
 * {@code /api/vm/system-apis} list (by name), create (409 for a taken name), read, {@code PATCH}
 * (merge patch, {@code If-Match}), delete. The webhook secret is write-only (see
 * {@link SystemApiService}).
 */
@Path("/api/vm/system-apis")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@CrudScopes(read = Scopes.ADMIN, write = Scopes.ADMIN, delete = Scopes.ADMIN)
public class SystemApiResource extends CrudResource<SystemApiDto, SystemApiInput> {

    public SystemApiResource(SystemApiService apis) {
        super(apis);
    }
}
