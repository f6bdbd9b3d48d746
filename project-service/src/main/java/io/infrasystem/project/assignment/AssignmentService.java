package io.infrasystem.project.assignment;

import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.crud.CrudKind;
import io.infrasystem.commons.crud.References;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.security.CurrentActor;
import io.infrasystem.project.access.ProjectAccess;
import io.infrasystem.project.access.ScopedCrudService;
import io.infrasystem.project.project.Project;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Assignments on the commons CRUD kernel: filters {@code id}, {@code username},
 * {@code user_subject}, {@code assigned_by}, {@code project_id}, {@code project} (name or code),
 * times, {@code q}. One assignment per project and user (409). A non-administrator sees the
 * assignments of the projects assigned to them (who else works on them).
 */
@ApplicationScoped
public class AssignmentService extends ScopedCrudService<Assignment, AssignmentDto, AssignmentInput> {

    static final CrudKind<Assignment, AssignmentDto, AssignmentInput> KIND = CrudKind.of(
                    "assignment", Assignment.class, AssignmentInput.class)
            .listedBy(CrudKind.filters("a", "username")
                    .fields(FilterField::text, "username", "user_subject", "assigned_by")
                    .relation("project", "a.project", "Project", "name", "code")
                    .search("a.username", "a.project.name"))
            .entity(Assignment::new, Assignment::dto, Assignment::input);

    private final CurrentActor actor;

    @Inject
    public AssignmentService(ChangeRecorder changes, MergePatch mergePatch, ProjectAccess access, CurrentActor actor) {
        super(changes, mergePatch, KIND, access, "a.project.id");
        this.actor = actor;
    }

    /** For the CDI client proxy only. */
    protected AssignmentService() {
        this.actor = null;
    }

    /** @throws ProblemException 400 for a missing project, 409 when the user is assigned already */
    @Override
    protected void apply(Assignment assignment, AssignmentInput input) {
        Project project = References.require(Project.class, "project", "project_id", input.projectId());
        String username = input.username().strip();
        long other = assignment.id == null ? -1 : assignment.id;
        if (Assignment.count("project.id = ?1 and username = ?2 and id <> ?3", project.id, username, other) > 0) {
            throw ProblemException.conflict(username + " is assigned to project " + project.name + " already");
        }
        assignment.project = project;
        assignment.username = username;
        assignment.userSubject = input.userSubject();
        if (assignment.assignedBy == null) {
            assignment.assignedBy = actor.resolve("project-service").name();
        }
    }
}
