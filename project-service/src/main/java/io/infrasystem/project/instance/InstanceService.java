package io.infrasystem.project.instance;

import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.crud.CrudKind;
import io.infrasystem.commons.crud.References;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.commons.problem.Problem;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.problem.ProblemKind;
import io.infrasystem.project.access.ProjectAccess;
import io.infrasystem.project.access.ScopedCrudService;
import io.infrasystem.project.project.Project;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Odoo instances on the commons CRUD kernel: filters {@code id}, {@code name}, {@code type},
 * {@code status}, {@code project_id}, {@code project} (name or code), {@code odoo_version},
 * {@code odoo_edition}, {@code database_name}, {@code host}, {@code host_ref}, times, {@code q}.
 *
 * <p>The seed's rule, one active production instance per project, is checked here (409 naming the
 * existing one) and enforced by the partial unique index {@value #ONE_PRODUCTION}: a write that
 * passed the check while a concurrent one committed first fails on the index, and gets the same 409.
 * Deactivating, deleting, retyping or moving an active production instance needs the
 * {@link ProductionConfirmation} header.
 */
@ApplicationScoped
public class InstanceService extends ScopedCrudService<OdooInstance, InstanceDto, InstanceInput> {

    /** The partial unique index of the rule. */
    static final String ONE_PRODUCTION = "uq_instance_active_production";

    static final CrudKind<OdooInstance, InstanceDto, InstanceInput> KIND = CrudKind.of(
                    "instance", OdooInstance.class, InstanceInput.class)
            .listedBy(CrudKind.filters("i", "name")
                    .fields(FilterField::text, "name", "odoo_version", "database_name", "host", "host_ref", "url")
                    .field(FilterField.choice("type", "i.type", InstanceType.class))
                    .field(FilterField.choice("status", "i.status", InstanceStatus.class))
                    .field(FilterField.choice("odoo_edition", "i.odooEdition", OdooEdition.class))
                    .relation("project", "i.project", "Project", "name", "code")
                    .search("i.name", "coalesce(i.url, '')", "coalesce(i.host, '')", "coalesce(i.databaseName, '')"))
            .entity(OdooInstance::new, OdooInstance::dto, OdooInstance::input);

    private final ProductionConfirmation confirmation;

    @Inject
    public InstanceService(
            ChangeRecorder changes, MergePatch mergePatch, ProjectAccess access, ProductionConfirmation confirmation) {
        super(changes, mergePatch, KIND, access, "i.project.id");
        this.confirmation = confirmation;
    }

    /** For the CDI client proxy only. */
    protected InstanceService() {
        this.confirmation = null;
    }

    /**
     * @throws ProblemException 400 for a missing project, 409 for a taken name or a second active
     *     production instance, 428 for an unconfirmed change of the active production instance
     */
    @Override
    protected void apply(OdooInstance instance, InstanceInput input) {
        Project project = References.require(Project.class, "project", "project_id", input.projectId());
        String name = input.name().strip();
        long other = instance.id == null ? -1 : instance.id;
        if (OdooInstance.count(
                        "project.id = ?1 and lower(name) = ?2 and id <> ?3",
                        project.id,
                        name.toLowerCase(Locale.ROOT),
                        other)
                > 0) {
            throw ProblemException.conflict("project " + project.name + " already has an instance named " + name);
        }
        InstanceStatus status = input.status() == null ? InstanceStatus.ACTIVE : input.status();
        if (instance.id != null && instance.activeProduction()) {
            if (status != InstanceStatus.ACTIVE) {
                confirmation.require(instance, "set it " + status.wire());
            } else if (input.type() != InstanceType.PRODUCTION) {
                confirmation.require(instance, "retype it " + input.type().wire());
            } else if (!project.id.equals(instance.project.id)) {
                confirmation.require(instance, "move it to project " + project.name);
            }
        }
        if (input.type() == InstanceType.PRODUCTION && status == InstanceStatus.ACTIVE) {
            OdooInstance existing = OdooInstance.<OdooInstance>find(
                            "project.id = ?1 and type = ?2 and status = ?3 and id <> ?4",
                            project.id,
                            InstanceType.PRODUCTION,
                            InstanceStatus.ACTIVE,
                            other)
                    .firstResult();
            if (existing != null) {
                throw secondProduction(existing);
            }
        }
        instance.project = project;
        instance.name = name;
        instance.type = input.type();
        instance.status = status;
        instance.url = input.url();
        instance.odooVersion = input.odooVersion();
        instance.odooEdition = input.odooEdition();
        instance.databaseName = input.databaseName();
        instance.host = input.host();
        instance.hostRef = input.hostRef();
        instance.notes = input.notes();
    }

    /** Deleting the active production instance needs the confirmation header (428). */
    @Override
    protected void checkDeletable(OdooInstance instance) {
        if (instance.activeProduction()) {
            confirmation.require(instance, "delete");
        }
    }

    /** Creates; a violation of {@value #ONE_PRODUCTION} is the rule's 409 naming the winner. */
    @Override
    public OdooInstance createEntity(InstanceInput input) {
        try {
            return super.createEntity(input);
        } catch (PersistenceException e) {
            throw translated(e, input);
        }
    }

    /** Updates; a violation of {@value #ONE_PRODUCTION} is the rule's 409 naming the winner. */
    @Transactional
    @Override
    public InstanceDto update(long id, InstanceInput input, String ifMatch) {
        try {
            return super.update(id, input, ifMatch);
        } catch (PersistenceException e) {
            throw translated(e, input);
        }
    }

    /**
     * @return the rule's 409 when {@code e} is a violation of {@value #ONE_PRODUCTION} (the instance
     *     that holds the place is read in a transaction of its own: the current one has failed, and
     *     the index reports the violation only once the holder committed); {@code e} otherwise
     */
    private RuntimeException translated(PersistenceException e, InstanceInput input) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation
                    && ONE_PRODUCTION.equalsIgnoreCase(violation.getConstraintName())) {
                return QuarkusTransaction.requiringNew()
                        .call(() -> OdooInstance.<OdooInstance>find(
                                        "project.id = ?1 and type = ?2 and status = ?3",
                                        input.projectId(),
                                        InstanceType.PRODUCTION,
                                        InstanceStatus.ACTIVE)
                                .firstResultOptional()
                                .map(InstanceService::secondProduction)
                                .orElseGet(() -> ProblemException.conflict("project " + input.projectId()
                                        + " already has an active production instance")));
            }
        }
        return e;
    }

    private static ProblemException secondProduction(OdooInstance existing) {
        String detail = "project " + existing.project.name + " already has an active production instance: "
                + existing.name + " (id " + existing.id + ")";
        return new ProblemException(
                ProblemKind.CONFLICT,
                detail,
                List.of(new Problem.FieldError(
                        "type",
                        "instance " + existing.id + " (" + existing.name + ") is the active production instance")));
    }
}
