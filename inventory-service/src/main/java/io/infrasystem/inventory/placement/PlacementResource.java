package io.infrasystem.inventory.placement;

import io.infrasystem.commons.http.Versions;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.inventory.asset.AssetDto;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Placement of assets in racks (editors): {@code POST /api/inventory/assets/{id}/placement}
 * ({@code {"rack_id", "position", "face"}}, optional {@code If-Match}) and
 * {@code POST /api/inventory/assets/placements} ({@code {"moves": [...]}}, all or none). A
 * collision is a 409 whose {@code errors} name each blocking asset and its units.
 */
@Path("/api/inventory/assets")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlacementResource {

    private final PlacementService placements;

    public PlacementResource(PlacementService placements) {
        this.placements = placements;
    }

    @POST
    @Path("{id}/placement")
    @RolesAllowed(Scopes.INVENTORY_WRITE)
    public Response place(
            @PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, @NotNull PlacementInput input) {
        AssetDto asset = placements.place(id, input, ifMatch);
        return Versions.ok(asset, asset.version());
    }

    @POST
    @Path("placements")
    @RolesAllowed(Scopes.INVENTORY_WRITE)
    public List<AssetDto> bulk(@Valid @NotNull BulkMoveInput input) {
        return placements.bulk(input);
    }
}
