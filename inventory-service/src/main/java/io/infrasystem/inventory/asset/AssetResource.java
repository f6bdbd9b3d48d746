package io.infrasystem.inventory.asset;

import io.infrasystem.commons.security.Scopes;
import io.infrasystem.inventory.common.CrudResource;
import io.infrasystem.inventory.csv.CsvExporter;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /api/inventory/assets}: hardware assets; viewers read, editors write, admins delete.
 * Filters: {@code id hostname asset_tag serial status site site_id rack rack_id model model_id manufacturer manufacturer_id face position owner mgmt_ip tag purchase_date warranty_end q ordering limit offset}.
 */
@Path("/api/inventory/assets")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AssetResource extends CrudResource<AssetDto, AssetInput> {

    private final CsvExporter exporter;

    public AssetResource(AssetService service, CsvExporter exporter) {
        super(service);
        this.exporter = exporter;
    }

    /** {@code GET /api/inventory/assets/export.csv} with the list's filters: every match as CSV, streamed; re-imports to the same state. */
    @GET
    @Path("export.csv")
    @Produces("text/csv")
    @RolesAllowed(Scopes.INVENTORY_READ)
    public Response export(@Context UriInfo uri) {
        return exporter.download("assets", uri.getQueryParameters());
    }
}
