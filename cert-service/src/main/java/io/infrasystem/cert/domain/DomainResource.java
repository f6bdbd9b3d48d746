package io.infrasystem.cert.domain;

import io.infrasystem.commons.crud.CrudResource;
import io.infrasystem.commons.crud.CrudScopes;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/cert/domains}: domains, their parents and the certificates that secure them;
 * {@code cert:read} reads, {@code cert:write} writes. Filters as {@link DomainService}.
 */
@Path("/api/cert/domains")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@CrudScopes(read = Scopes.CERT_READ, write = Scopes.CERT_WRITE, delete = Scopes.CERT_WRITE)
public class DomainResource extends CrudResource<DomainDto, DomainInput> {

    public DomainResource(DomainService service) {
        super(service);
    }
}
