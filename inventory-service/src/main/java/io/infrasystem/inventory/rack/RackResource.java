package io.infrasystem.inventory.rack;

import io.infrasystem.commons.crud.CrudScopes;
import io.infrasystem.commons.crud.ExportableCrudResource;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.inventory.asset.Face;
import io.infrasystem.inventory.csv.CsvExporter;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/inventory/racks}: racks; viewers read, editors write, admins delete.
 * Filters: {@code id name site site_id status facility_id u_height q ordering limit offset}.
 * {@code GET /api/inventory/racks/export.csv} with the same filters: every match as CSV, streamed;
 * re-imports to the same state.
 */
@Path("/api/inventory/racks")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@CrudScopes(read = Scopes.INVENTORY_READ, write = Scopes.INVENTORY_WRITE, delete = Scopes.ADMIN)
public class RackResource extends ExportableCrudResource<RackDto, RackInput> {

    private final ElevationService elevations;

    public RackResource(RackService service, ElevationService elevations, CsvExporter exporter) {
        super(service, query -> exporter.download("racks", query));
        this.elevations = elevations;
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
