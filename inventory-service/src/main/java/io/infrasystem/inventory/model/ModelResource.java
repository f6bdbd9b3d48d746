package io.infrasystem.inventory.model;

import io.infrasystem.commons.crud.CrudScopes;
import io.infrasystem.commons.crud.ExportableCrudResource;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.inventory.csv.CsvExporter;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/inventory/models}: hardware models with their size and support dates; viewers read, editors write, admins delete.
 * Filters: {@code id created_at updated_at name manufacturer manufacturer_id device_type device_type_id category part_number u_height is_full_depth end_of_sale end_of_support q ordering limit offset}.
 * {@code GET /api/inventory/models/export.csv} with the same filters: every match as CSV, streamed;
 * re-imports to the same state.
 */
@Path("/api/inventory/models")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@CrudScopes(read = Scopes.INVENTORY_READ, write = Scopes.INVENTORY_WRITE, delete = Scopes.ADMIN)
public class ModelResource extends ExportableCrudResource<ModelDto, ModelInput> {

    public ModelResource(HardwareModelService service, CsvExporter exporter) {
        super(service, query -> exporter.download("models", query));
    }
}
