package io.infrasystem.cert.binding;

import io.infrasystem.commons.crud.CrudResource;
import io.infrasystem.commons.crud.CrudScopes;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/cert/bindings}: where certificates are served, with parent bindings for flows
 * ({@code parent_binding_id}); {@code cert:read} reads, {@code cert:write} writes. Filters as {@link BindingService}.
 */
@Path("/api/cert/bindings")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@CrudScopes(read = Scopes.CERT_READ, write = Scopes.CERT_WRITE, delete = Scopes.CERT_WRITE)
public class BindingResource extends CrudResource<BindingDto, BindingInput> {

    public BindingResource(BindingService service) {
        super(service);
    }
}
