package io.infrasystem.inventory.rack;

import io.infrasystem.commons.crud.CrudScopes;
import io.infrasystem.commons.crud.ExportableCrudResource;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.inventory.csv.CsvExporter;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/inventory/racks}: racks; viewers read, editors write, admins delete.
 * Filters: {@code id created_at updated_at name site site_id status facility_id u_height q ordering limit offset}.
 * {@code GET /api/inventory/racks/export.csv} with the same filters: every match as CSV, streamed;
 * re-imports to the same state.
 */
@Path("/api/inventory/racks")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@CrudScopes(read = Scopes.INVENTORY_READ, write = Scopes.INVENTORY_WRITE, delete = Scopes.ADMIN)
public class RackResource extends ExportableCrudResource<RackDto, RackInput> {

    public RackResource(RackService service, CsvExporter exporter) {
        super(service, query -> exporter.download("racks", query));
    }
}
