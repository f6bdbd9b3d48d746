package io.infrasystem.project.client;

import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.crud.CrudKind;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.project.access.ProjectAccess;
import io.infrasystem.project.access.ScopedCrudService;
import io.infrasystem.project.access.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Clients on the commons CRUD kernel: filters {@code id}, {@code name}, {@code contact_name},
 * {@code contact_email}, times, {@code q}; names unique (409). A non-administrator sees only the
 * clients of projects assigned to them. A client with projects cannot be deleted (409).
 */
@ApplicationScoped
public class ClientService extends ScopedCrudService<Client, ClientDto, ClientInput> {

    static final CrudKind<Client, ClientDto, ClientInput> KIND = CrudKind.of("client", Client.class, ClientInput.class)
            .listedBy(CrudKind.filters("c", "name")
                    .fields(FilterField::text, "name", "contact_name", "contact_email")
                    .search("c.name", "coalesce(c.contactName, '')", "coalesce(c.contactEmail, '')"))
            .entity(Client::new, Client::dto, Client::input)
            .deletableUnless(
                    "select count(p) from Project p where p.client.id = :id",
                    (client, projects) -> "client " + client.id + " still has " + projects + " project(s)");

    @Inject
    public ClientService(ChangeRecorder changes, MergePatch mergePatch, ProjectAccess access) {
        super(changes, mergePatch, KIND, access, null);
    }

    /** For the CDI client proxy only. */
    protected ClientService() {}

    /** A client is visible through any of its projects. */
    @Override
    protected String visibleTo(Viewer viewer) {
        if (viewer.admin() || viewer.username() == null) {
            return viewer.condition(null);
        }
        return "c.id in (select vp.client.id from Project vp where " + viewer.condition("vp.id") + ")";
    }

    /** @throws ProblemException 409 when another client has the name */
    @Override
    protected void apply(Client client, ClientInput input) {
        String name = input.name().strip();
        refuseTaken(client, "name", name, "a client named " + name + " exists already");
        client.name = name;
        client.contactName = input.contactName();
        client.contactEmail =
                input.contactEmail() == null ? null : input.contactEmail().strip();
        client.contactPhone = input.contactPhone();
        client.notes = input.notes();
    }
}
