package io.infrasystem.cert.host;

import io.infrasystem.commons.crud.CrudResource;
import io.infrasystem.commons.crud.CrudScopes;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/cert/hosts}: hosts and their IP addresses; {@code cert:read} reads, {@code cert:write} writes. Filters as {@link HostService}. */
@Path("/api/cert/hosts")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@CrudScopes(read = Scopes.CERT_READ, write = Scopes.CERT_WRITE, delete = Scopes.CERT_WRITE)
public class HostResource extends CrudResource<HostDto, HostInput> {

    public HostResource(HostService service) {
        super(service);
    }
}
