package io.infrasystem.inventory.rack;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.inventory.common.Etags;
import io.infrasystem.inventory.csv.CsvExporter;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.DefaultValue;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.inventory.asset.Face;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /api/inventory/racks}: racks; viewers read, editors write, admins delete.
 * Filters: {@code id name site site_id status facility_id u_height q ordering limit offset}.
 */
@Path("/api/inventory/racks")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class RackResource {

    private final RackService service;
    private final CsvExporter exporter;
    private final ElevationService elevations;

    public RackResource(RackService service, ElevationService elevations, CsvExporter exporter) {
        this.service = service;
        this.elevations = elevations;
        this.exporter = exporter;
    }

    /** {@code GET /api/inventory/racks/export.csv} with the list's filters: every match as CSV, streamed; re-imports to the same state. */
    @GET
    @Path("export.csv")
    @Produces("text/csv")
    @RolesAllowed(Scopes.INVENTORY_READ)
    public Response export(@Context UriInfo uri) {
        return exporter.download("racks", uri.getQueryParameters());
    }

    /**
     * {@code GET /api/inventory/racks/{id}/elevation?face=front|rear} (default front): every unit
     * from the top with the assets occupying it, and the rack's zero-U assets.
     */
    @GET
    @Path("{id}/elevation")
    @RolesAllowed(Scopes.INVENTORY_READ)
    public Elevation elevation(@PathParam("id") long id, @QueryParam("face") @DefaultValue("front") String face) {
        Face side;
        try {
            side = Face.of(face);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("face", e.getMessage());
        }
        return elevations.elevation(id, side);
    }

    @GET
    @RolesAllowed(Scopes.INVENTORY_READ)
    public Page<RackDto> list(@Context UriInfo uri) {
        return service.list(uri);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Scopes.INVENTORY_READ)
    public Response get(@PathParam("id") long id) {
        RackDto dto = service.get(id);
        return Etags.ok(dto, dto.version());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.INVENTORY_WRITE)
    public Response create(@Valid @NotNull RackInput input) {
        RackDto dto = service.create(input);
        return Etags.created(dto, dto.version());
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.INVENTORY_WRITE)
    public Response update(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull RackInput input) {
        RackDto dto = service.update(id, input, ifMatch);
        return Etags.ok(dto, dto.version());
    }

    @PATCH
    @Path("{id}")
    @Consumes({ "application/merge-patch+json", MediaType.APPLICATION_JSON })
    @RolesAllowed(Scopes.INVENTORY_WRITE)
    public Response patch(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        RackDto dto = service.patch(id, patch, ifMatch);
        return Etags.ok(dto, dto.version());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Scopes.ADMIN)
    public Response delete(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
        return Response.noContent().build();
    }
}
