package io.infrasystem.vm.owner;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrasystem.commons.audit.Change;
import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.filter.FilterSpec;
import io.infrasystem.commons.filter.QueryFilter;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.commons.http.Versions;
import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.paging.PageRequest;
import io.infrasystem.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Locale;

/**
 * Owners: list with filters ({@code full_name}, {@code email}, {@code department},
 * {@code designation}, {@code q}), create, JSON Merge Patch and delete, each write one transaction
 * recorded through the change hook. E-mail addresses are unique, case-insensitive.
 */
@ApplicationScoped
public class OwnerService {

    static final FilterSpec FILTERS = FilterSpec.builder("id")
            .field(FilterField.integer("id", "id"))
            .field(FilterField.text("full_name", "fullName"))
            .field(FilterField.text("email", "email"))
            .field(FilterField.text("department", "department"))
            .field(FilterField.text("designation", "designation"))
            .search("fullName", "email", "coalesce(department, '')")
            .defaultOrdering("full_name")
            .build();

    private final ChangeRecorder changes;
    private final MergePatch mergePatch;

    public OwnerService(ChangeRecorder changes, MergePatch mergePatch) {
        this.changes = changes;
        this.mergePatch = mergePatch;
    }

    /** @return the page of owners the request's filters select; 400 for a bad filter */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<OwnerDto> list(UriInfo uri) {
        PageRequest page = PageRequest.from(uri.getQueryParameters());
        QueryFilter filter = FILTERS.parse(uri.getQueryParameters());
        var query = Owner.<Owner>find(filter.whereOrdered(), filter.parameters());
        long count = query.count();
        var results = query.range((int) page.offset(), (int) (page.offset() + page.limit() - 1)).list().stream()
                .map(Owner::dto)
                .toList();
        return Page.of(results, count, page, uri);
    }

    /** @return one owner; 404 when unknown */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OwnerDto get(long id) {
        return find(id).dto();
    }

    /** @return the created owner; 400 invalid, 409 e-mail taken */
    @Transactional
    public OwnerDto create(OwnerInput input) {
        if (input == null) {
            throw ProblemException.invalid("body", "an owner is required");
        }
        mergePatch.validate(input);
        checkEmailFree(input.email(), null);
        Owner owner = new Owner();
        apply(owner, input);
        owner.createdAt = Instant.now();
        owner.updatedAt = owner.createdAt;
        owner.persistAndFlush();
        changes.record(Change.created("owner", owner.id, owner.dto()));
        return owner.dto();
    }

    /** @return the owner after the JSON Merge Patch; 400 invalid, 404, 409 e-mail taken, 412 stale {@code ifMatch} */
    @Transactional
    public OwnerDto patch(long id, JsonNode patch, String ifMatch) {
        Owner owner = find(id);
        Versions.checkIfMatch(ifMatch, owner.version);
        OwnerDto before = owner.dto();
        OwnerInput input = mergePatch.apply(
                new OwnerInput(owner.fullName, owner.email, owner.designation, owner.department),
                patch,
                OwnerInput.class);
        checkEmailFree(input.email(), id);
        apply(owner, input);
        owner.updatedAt = Instant.now();
        owner.flush();
        changes.record(Change.updated("owner", id, before, owner.dto()));
        return owner.dto();
    }

    /** Deletes an owner; the VMs it owned lose the reference. 404 unknown, 412 stale {@code ifMatch}. */
    @Transactional
    public void delete(long id, String ifMatch) {
        Owner owner = find(id);
        Versions.checkIfMatch(ifMatch, owner.version);
        Owner.getEntityManager()
                .createNativeQuery("update vm_manual set business_owner_id = null where " + "business_owner_id = ?1")
                .setParameter(1, id)
                .executeUpdate();
        Owner.getEntityManager()
                .createNativeQuery("update vm_manual set technical_owner_id = null where " + "technical_owner_id = ?1")
                .setParameter(1, id)
                .executeUpdate();
        OwnerDto before = owner.dto();
        owner.delete();
        owner.flush();
        changes.record(Change.deleted("owner", id, before));
    }

    private static Owner find(long id) {
        return Owner.<Owner>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("owner", id));
    }

    private static void checkEmailFree(String email, Long self) {
        String lower = email.strip().toLowerCase(Locale.ROOT);
        long taken = self == null
                ? Owner.count("lower(email) = ?1", lower)
                : Owner.count("lower(email) = ?1 and id <> ?2", lower, self);
        if (taken > 0) {
            throw ProblemException.conflict("an owner with e-mail " + email + " exists already");
        }
    }

    private static void apply(Owner owner, OwnerInput input) {
        owner.fullName = input.fullName().strip();
        owner.email = input.email().strip();
        owner.designation = input.designation();
        owner.department = input.department();
    }
}
