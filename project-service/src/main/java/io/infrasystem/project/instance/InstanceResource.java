package io.infrasystem.project.instance;

import io.infrasystem.commons.crud.CrudScopes;
import io.infrasystem.commons.crud.CsvDownload;
import io.infrasystem.commons.crud.ExportableCrudResource;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;

/**
 * {@code /api/project/instances}: Odoo instances; {@code project:read} reads (a non-admin only the
 * instances of projects assigned to them), admins write and delete. A second active production
 * instance of a project is a 409 naming the existing one; deactivating, deleting, retyping or moving
 * the active production instance needs {@code X-Confirm-Instance: <its name>} (428 without). Filters:
 * {@code id created_at updated_at name type status project project_id url odoo_version odoo_edition
 * database_name host host_ref q ordering limit offset}. {@code GET …/export.csv} with the same filters.
 */
@Path("/api/project/instances")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@CrudScopes(read = Scopes.PROJECT_READ, write = Scopes.ADMIN, delete = Scopes.ADMIN)
public class InstanceResource extends ExportableCrudResource<InstanceDto, InstanceInput> {

    static final List<String> HEADER = List.of(
            "id",
            "project_id",
            "project",
            "name",
            "type",
            "status",
            "url",
            "odoo_version",
            "odoo_edition",
            "database_name",
            "host",
            "host_ref",
            "notes",
            "created_at",
            "updated_at");

    public InstanceResource(InstanceService instances) {
        super(
                instances,
                query -> CsvDownload.of(
                        "instances.csv",
                        HEADER,
                        instances.selection(query).reader(OdooInstance.class),
                        i -> Arrays.asList(
                                i.id,
                                i.project.id,
                                i.project.name,
                                i.name,
                                i.type.wire(),
                                i.status.wire(),
                                i.url,
                                i.odooVersion,
                                i.odooEdition == null ? null : i.odooEdition.wire(),
                                i.databaseName,
                                i.host,
                                i.hostRef,
                                i.notes,
                                i.createdAt,
                                i.updatedAt)));
    }
}
