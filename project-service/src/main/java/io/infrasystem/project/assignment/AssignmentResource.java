package io.infrasystem.project.assignment;

import io.infrasystem.commons.crud.CrudResource;
import io.infrasystem.commons.crud.CrudScopes;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/project/assignments}: which users see which projects; {@code project:read} reads (a
 * non-admin only the assignments of projects assigned to them), admins assign ({@code POST}),
 * change and remove ({@code DELETE}). Filters: {@code id created_at updated_at username user_subject
 * assigned_by project project_id q ordering limit offset}.
 */
@Path("/api/project/assignments")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@CrudScopes(read = Scopes.PROJECT_READ, write = Scopes.ADMIN, delete = Scopes.ADMIN)
public class AssignmentResource extends CrudResource<AssignmentDto, AssignmentInput> {

    public AssignmentResource(AssignmentService assignments) {
        super(assignments);
    }
}
