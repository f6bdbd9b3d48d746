package io.infrasystem.inventory.asset;

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
public class AssetResource {

    private final AssetService service;
    private final CsvExporter exporter;

    public AssetResource(AssetService service, CsvExporter exporter) {
        this.service = service;
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

    @GET
    @RolesAllowed(Scopes.INVENTORY_READ)
    public Page<AssetDto> list(@Context UriInfo uri) {
        return service.list(uri);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Scopes.INVENTORY_READ)
    public Response get(@PathParam("id") long id) {
        AssetDto dto = service.get(id);
        return Etags.ok(dto, dto.version());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.INVENTORY_WRITE)
    public Response create(@Valid @NotNull AssetInput input) {
        AssetDto dto = service.create(input);
        return Etags.created(dto, dto.version());
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.INVENTORY_WRITE)
    public Response update(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull AssetInput input) {
        AssetDto dto = service.update(id, input, ifMatch);
        return Etags.ok(dto, dto.version());
    }

    @PATCH
    @Path("{id}")
    @Consumes({ "application/merge-patch+json", MediaType.APPLICATION_JSON })
    @RolesAllowed(Scopes.INVENTORY_WRITE)
    public Response patch(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        AssetDto dto = service.patch(id, patch, ifMatch);
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
