package io.infrasystem.inventory.backup;

import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;

/**
 * Backups (admins): {@code POST /api/inventory/backups} writes an archive,
 * {@code GET /api/inventory/backups} lists them, {@code GET /api/inventory/backups/{name}}
 * downloads one ({@code application/zip}), {@code POST /api/inventory/restore?dry_run=} uploads
 * one and, once verified, replaces the inventory with it.
 */
@Path("/api/inventory")
@Authenticated
public class BackupResource {

    private final BackupService backups;

    public BackupResource(BackupService backups) {
        this.backups = backups;
    }

    @POST
    @Path("backups")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.ADMIN)
    public Response create() {
        return Response.status(Response.Status.CREATED).entity(backups.create()).build();
    }

    @GET
    @Path("backups")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.ADMIN)
    public List<BackupInfo> list() {
        return backups.list();
    }

    @GET
    @Path("backups/{name}")
    @Produces("application/zip")
    @RolesAllowed(Scopes.ADMIN)
    public Response download(@PathParam("name") String name) {
        java.nio.file.Path file = backups.file(name);
        return Response.ok(file.toFile(), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }

    @POST
    @Path("restore")
    @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.ADMIN)
    public RestoreResult restore(@QueryParam("dry_run") @DefaultValue("false") boolean dryRun, InputStream archive) {
        return backups.restore(archive, dryRun);
    }
}
