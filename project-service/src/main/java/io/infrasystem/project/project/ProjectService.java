package io.infrasystem.project.project;

import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.crud.CrudKind;
import io.infrasystem.commons.crud.References;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.project.access.ProjectAccess;
import io.infrasystem.project.access.ScopedCrudService;
import io.infrasystem.project.client.Client;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * Projects on the commons CRUD kernel: filters {@code id}, {@code name}, {@code code},
 * {@code status}, {@code client_id}, {@code client} (name), {@code start_date}, {@code end_date},
 * times, {@code q}. Names are unique per client and codes unique (409). A non-administrator sees only
 * the projects assigned to them. A project with instances or assignments cannot be deleted (409).
 */
@ApplicationScoped
public class ProjectService extends ScopedCrudService<Project, ProjectDto, ProjectInput> {

    static final CrudKind<Project, ProjectDto, ProjectInput> KIND = CrudKind.of(
                    "project", Project.class, ProjectInput.class)
            .listedBy(CrudKind.filters("p", "name")
                    .fields(FilterField::text, "name", "code")
                    .fields(FilterField::date, "start_date", "end_date")
                    .field(FilterField.choice("status", "p.status", ProjectStatus.class))
                    .relation("client", "p.client", "Client", "name")
                    .search("p.name", "coalesce(p.code, '')", "coalesce(p.description, '')", "p.client.name"))
            .entity(Project::new, Project::dto, Project::input)
            .deletableUnless(
                    "select count(i) from OdooInstance i where i.project.id = :id",
                    (project, n) -> "project " + project.id + " still has " + n + " instance(s); delete them first")
            .deletableUnless(
                    "select count(a) from Assignment a where a.project.id = :id",
                    (project, n) ->
                            "project " + project.id + " still has " + n + " assigned user(s); remove them first");

    @Inject
    public ProjectService(ChangeRecorder changes, MergePatch mergePatch, ProjectAccess access) {
        super(changes, mergePatch, KIND, access, "p.id");
    }

    /** For the CDI client proxy only. */
    protected ProjectService() {}

    /** @throws ProblemException 400 for a missing client or reversed dates, 409 for a taken name or code */
    @Override
    protected void apply(Project project, ProjectInput input) {
        if (input.startDate() != null
                && input.endDate() != null
                && input.endDate().isBefore(input.startDate())) {
            throw ProblemException.invalid("end_date", "must not be before start_date");
        }
        Client client = References.require(Client.class, "client", "client_id", input.clientId());
        String name = input.name().strip();
        long other = project.id == null ? -1 : project.id;
        if (Project.count("client.id = ?1 and lower(name) = ?2 and id <> ?3", client.id, lower(name), other) > 0) {
            throw ProblemException.conflict("client " + client.name + " already has a project named " + name);
        }
        String code = input.code() == null ? null : input.code().strip();
        if (code != null && Project.count("lower(code) = ?1 and id <> ?2", lower(code), other) > 0) {
            throw ProblemException.conflict("a project with code " + code + " exists already");
        }
        project.client = client;
        project.name = name;
        project.code = code;
        project.status = input.status() == null ? ProjectStatus.ACTIVE : input.status();
        project.description = input.description();
        project.startDate = input.startDate();
        project.endDate = input.endDate();
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
