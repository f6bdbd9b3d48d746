package io.infrasystem.vm.owner;

import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.crud.CrudKind;
import io.infrasystem.commons.crud.EntityCrudService;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.problem.ProblemKind;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Owners on the commons CRUD kernel: list with filters ({@code id}, {@code created_at},
 * {@code updated_at}, {@code full_name}, {@code email},
 * {@code department}, {@code designation}, {@code q}), get, create, JSON Merge Patch and delete,
 * each write one transaction recorded through the change hook. E-mail addresses are unique,
 * case-insensitive (409).
 */
@ApplicationScoped
public class OwnerService extends EntityCrudService<Owner, OwnerDto, OwnerInput> {

    static final CrudKind<Owner, OwnerDto, OwnerInput> KIND = CrudKind.of("owner", Owner.class, OwnerInput.class)
            .listedBy(CrudKind.filters("o", "full_name")
                    .fields(FilterField::text, "full_name", "email", "department", "designation")
                    .search("o.fullName", "o.email", "coalesce(o.department, '')"))
            .entity(Owner::new, Owner::dto, Owner::input);

    private SecurityIdentity identity;

    @Inject
    public OwnerService(ChangeRecorder changes, MergePatch mergePatch, SecurityIdentity identity) {
        super(changes, mergePatch, KIND);
        this.identity = identity;
    }

    /** For the CDI client proxy only. */
    protected OwnerService() {}

    /** @throws ProblemException 409 when another owner has the e-mail address */
    @Override
    protected void apply(Owner owner, OwnerInput input) {
        refuseTaken(owner, "email", input.email().strip(), "an owner with e-mail " + input.email() + " exists already");
        owner.fullName = input.fullName().strip();
        owner.email = input.email().strip();
        owner.designation = input.designation();
        owner.department = input.department();
    }

    /**
     * The VMs an owner owned lose the reference (in the same transaction). Removing a technical owner
     * from VMs is the admin's quick-assign: a non-admin may delete only an owner that is nobody's
     * technical owner.
     *
     * @throws ProblemException 403 for a non-admin deleting a technical owner of VMs (nothing written)
     */
    @Override
    protected void checkDeletable(Owner owner) {
        if (!identity.hasRole(Scopes.ADMIN)) {
            Number vms = (Number) Owner.getEntityManager()
                    .createNativeQuery("select count(*) from vm_manual where technical_owner_id = ?1")
                    .setParameter(1, owner.id)
                    .getSingleResult();
            if (vms.longValue() > 0) {
                throw new ProblemException(
                        ProblemKind.FORBIDDEN,
                        "owner " + owner.id + " is the technical owner of " + vms + " VM(s); only an admin removes it",
                        List.of());
            }
        }
        for (String column : new String[] {"business_owner_id", "technical_owner_id"}) {
            Owner.getEntityManager()
                    .createNativeQuery("update vm_manual set " + column + " = null where " + column + " = ?1")
                    .setParameter(1, owner.id)
                    .executeUpdate();
        }
    }
}
