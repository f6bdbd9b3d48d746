package io.infrasystem.cert.scan.run;

import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** {@code GET /api/cert/scans}: scan results (the scan history of targets and certificates), {@code cert:read}; filters as {@link ScanRunService}. */
@Path("/api/cert/scans")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CertificateScanResource {

    private final ScanRunService runs;

    public CertificateScanResource(ScanRunService runs) {
        this.runs = runs;
    }

    /** @return a page of results, newest first */
    @GET
    @RolesAllowed(Scopes.CERT_READ)
    public Page<CertificateScanDto> list(@Context UriInfo uri) {
        return runs.scans(uri);
    }
}
