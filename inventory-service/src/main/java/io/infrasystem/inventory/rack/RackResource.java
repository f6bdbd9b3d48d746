package io.infrasystem.inventory.rack;

import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.inventory.asset.Face;
import io.infrasystem.inventory.common.CrudResource;
import io.infrasystem.inventory.csv.CsvExporter;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
public class RackResource extends CrudResource<RackDto, RackInput> {

    private final CsvExporter exporter;
    private final ElevationService elevations;

    public RackResource(RackService service, ElevationService elevations, CsvExporter exporter) {
        super(service);
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
}
