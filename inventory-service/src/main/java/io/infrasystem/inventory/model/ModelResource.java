package io.infrasystem.inventory.model;

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
 * {@code /api/inventory/models}: hardware models with their size and support dates; viewers read, editors write, admins delete.
 * Filters: {@code id name manufacturer manufacturer_id device_type device_type_id category part_number u_height is_full_depth end_of_sale end_of_support q ordering limit offset}.
 */
@Path("/api/inventory/models")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource extends CrudResource<ModelDto, ModelInput> {

    private final CsvExporter exporter;

    public ModelResource(HardwareModelService service, CsvExporter exporter) {
        super(service);
        this.exporter = exporter;
    }

    /** {@code GET /api/inventory/models/export.csv} with the list's filters: every match as CSV, streamed; re-imports to the same state. */
    @GET
    @Path("export.csv")
    @Produces("text/csv")
    @RolesAllowed(Scopes.INVENTORY_READ)
    public Response export(@Context UriInfo uri) {
        return exporter.download("models", uri.getQueryParameters());
    }
}
