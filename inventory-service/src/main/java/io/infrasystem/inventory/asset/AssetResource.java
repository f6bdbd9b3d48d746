package io.infrasystem.inventory.asset;

import io.infrasystem.commons.crud.CrudScopes;
import io.infrasystem.commons.crud.ExportableCrudResource;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.inventory.csv.CsvExporter;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/inventory/assets}: hardware assets; viewers read, editors write, admins delete.
 * Filters: {@code id created_at updated_at hostname asset_tag serial status site site_id rack rack_id model model_id manufacturer manufacturer_id face position owner mgmt_ip tag purchase_date warranty_end q ordering limit offset}.
 * {@code GET /api/inventory/assets/export.csv} with the same filters: every match as CSV, streamed;
 * re-imports to the same state.
 */
@Path("/api/inventory/assets")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@CrudScopes(read = Scopes.INVENTORY_READ, write = Scopes.INVENTORY_WRITE, delete = Scopes.ADMIN)
public class AssetResource extends ExportableCrudResource<AssetDto, AssetInput> {

    public AssetResource(AssetService service, CsvExporter exporter) {
        super(service, query -> exporter.download("assets", query));
    }
}
