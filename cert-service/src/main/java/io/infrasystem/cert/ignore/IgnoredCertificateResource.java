package io.infrasystem.cert.ignore;

import io.infrasystem.commons.crud.CrudResource;
import io.infrasystem.commons.crud.CrudScopes;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/cert/ignored-certificates}: certificate patterns (common name, subject DN or SHA-256 thumbprint) that uploads and scans do not keep; {@code cert:read} reads, {@code cert:write} writes. */
@Path("/api/cert/ignored-certificates")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@CrudScopes(read = Scopes.CERT_READ, write = Scopes.CERT_WRITE, delete = Scopes.CERT_WRITE)
public class IgnoredCertificateResource extends CrudResource<IgnorePatternDto, IgnorePatternInput> {

    public IgnoredCertificateResource(IgnoredCertificateService service) {
        super(service);
    }
}
