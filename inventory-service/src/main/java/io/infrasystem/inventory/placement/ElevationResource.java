package io.infrasystem.inventory.placement;

import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.inventory.asset.Face;
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
 * {@code GET /api/inventory/racks/{id}/elevation?face=front|rear} (viewers; default front): every
 * unit from the top with the assets occupying it, and the rack's zero-U assets. 400 for another
 * face, 404 for an unknown rack.
 */
@Path("/api/inventory/racks")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ElevationResource {

    private final ElevationService elevations;

    public ElevationResource(ElevationService elevations) {
        this.elevations = elevations;
    }

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
