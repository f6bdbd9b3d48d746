package io.infrasystem.cert.ignore;

import io.infrasystem.commons.crud.CrudResource;
import io.infrasystem.commons.crud.CrudScopes;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/cert/ignored-domains}: domain patterns that association and scans skip; {@code cert:read} reads, {@code cert:write} writes. */
@Path("/api/cert/ignored-domains")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@CrudScopes(read = Scopes.CERT_READ, write = Scopes.CERT_WRITE, delete = Scopes.CERT_WRITE)
public class IgnoredDomainResource extends CrudResource<IgnorePatternDto, IgnorePatternInput> {

    public IgnoredDomainResource(IgnoredDomainService service) {
        super(service);
    }
}
