package io.infrasystem.cert.application;

import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.crud.CrudKind;
import io.infrasystem.commons.crud.EntityCrudService;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Applications on the commons CRUD kernel. Filters: {@code id}, {@code created_at},
 * {@code updated_at}, {@code name}, {@code app_type}, {@code owner}, {@code q} (name, owner, notes).
 * Names are unique, case-insensitive (409); one that bindings name cannot be deleted (409).
 */
@ApplicationScoped
public class ApplicationService extends EntityCrudService<Application, ApplicationDto, ApplicationInput> {

    static final CrudKind<Application, ApplicationDto, ApplicationInput> KIND = CrudKind.of(
                    "application", Application.class, ApplicationInput.class)
            .listedBy(CrudKind.filters("a", "name")
                    .fields(FilterField::text, "name", "owner")
                    .field(FilterField.choice("app_type", "a.appType", ApplicationType.class))
                    .search("a.name", "coalesce(a.owner, '')", "coalesce(a.notes, '')"))
            .entity(Application::new, Application::dto, Application::input)
            .deletableUnless(
                    "select count(b) from CertificateBinding b where b.application.id = :id",
                    (application, n) -> "application " + application.name + " has " + n
                            + " certificate binding(s); delete them first");

    @Inject
    public ApplicationService(ChangeRecorder changes, MergePatch mergePatch) {
        super(changes, mergePatch, KIND);
    }

    /** For the CDI client proxy only. */
    protected ApplicationService() {}

    /** @throws ProblemException 409 when another application has the name */
    @Override
    protected void apply(Application application, ApplicationInput input) {
        String name = input.name().strip();
        refuseTaken(application, "name", name, "an application named " + name + " exists already");
        application.name = name;
        application.appType = input.appType();
        application.owner = input.owner();
        application.notes = input.notes();
    }
}
