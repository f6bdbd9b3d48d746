package io.infrasystem.cert.scan;

import io.infrasystem.commons.crud.CrudResource;
import io.infrasystem.commons.crud.CrudScopes;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/cert/scan-targets}: what the scanner scans; {@code cert:read} reads, {@code cert:write} writes. Filters as {@link ScanTargetService}. */
@Path("/api/cert/scan-targets")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@CrudScopes(read = Scopes.CERT_READ, write = Scopes.CERT_WRITE, delete = Scopes.CERT_WRITE)
public class ScanTargetResource extends CrudResource<ScanTargetDto, ScanTargetInput> {

    public ScanTargetResource(ScanTargetService service) {
        super(service);
    }
}
