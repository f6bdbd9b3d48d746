package io.infrasystem.project.project;

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
 * {@code /api/project/projects}: projects; {@code project:read} reads (a non-admin only the projects
 * assigned to them: "my projects"), admins write and delete. Filters: {@code id created_at
 * updated_at name code status client client_id start_date end_date q ordering limit offset}.
 * {@code GET …/export.csv} with the same filters.
 */
@Path("/api/project/projects")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@CrudScopes(read = Scopes.PROJECT_READ, write = Scopes.ADMIN, delete = Scopes.ADMIN)
public class ProjectResource extends ExportableCrudResource<ProjectDto, ProjectInput> {

    static final List<String> HEADER = List.of(
            "id",
            "client_id",
            "client",
            "name",
            "code",
            "status",
            "description",
            "start_date",
            "end_date",
            "created_at",
            "updated_at");

    public ProjectResource(ProjectService projects) {
        super(
                projects,
                query -> CsvDownload.of(
                        "projects.csv",
                        HEADER,
                        projects.selection(query).reader(Project.class),
                        p -> Arrays.asList(
                                p.id,
                                p.client.id,
                                p.client.name,
                                p.name,
                                p.code,
                                p.status.wire(),
                                p.description,
                                p.startDate,
                                p.endDate,
                                p.createdAt,
                                p.updatedAt)));
    }
}
