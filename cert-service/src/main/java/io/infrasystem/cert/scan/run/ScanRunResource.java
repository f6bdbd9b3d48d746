package io.infrasystem.cert.scan.run;

import io.infrasystem.commons.http.Versions;
import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /api/cert/scan-runs}: {@code POST} starts a run ({@code cert:write}; body
 * {@code {"target_ids": [...]}}, or empty for every enabled target) and answers 202 with the run
 * and its {@code Location}; progress shows in {@code GET /api/cert/scan-runs/{id}} (counts) and in
 * {@code cert.scan_run.started}, {@code .progress} (one per target) and {@code .completed} events.
 * Lists filter as {@link ScanRunService}; {@code cert:read} reads.
 */
@Path("/api/cert/scan-runs")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ScanRunResource {

    private final ScanRunService runs;

    public ScanRunResource(ScanRunService runs) {
        this.runs = runs;
    }

    /** @return 202 with the running run; 400 for unknown target ids */
    @POST
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Scopes.CERT_WRITE)
    public Response start(@Valid ScanRunRequest request, @Context UriInfo uri) {
        ScanRunDto run = runs.start(request);
        return Response.accepted(run)
                .location(uri.getAbsolutePathBuilder()
                        .path(Long.toString(run.id()))
                        .build())
                .build();
    }

    /** @return a page of runs, newest first */
    @GET
    @RolesAllowed(Scopes.CERT_READ)
    public Page<ScanRunDto> list(@Context UriInfo uri) {
        return runs.runs(uri);
    }

    /** @return the run with its counts; 404 */
    @GET
    @Path("{id}")
    @RolesAllowed(Scopes.CERT_READ)
    public Response get(@PathParam("id") long id) {
        ScanRunDto run = runs.get(id);
        return Versions.ok(run, run.version());
    }
}
