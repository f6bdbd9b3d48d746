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
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Locale;

/**
 * Owners CRUD at {@code /api/vm/owners}: list (filters {@code full_name}, {@code email},
 * {@code department}, {@code q}), create (201; 409 for a taken e-mail), read ({@code ETag}),
 * {@code PATCH} (JSON Merge Patch, {@code If-Match}), delete (VMs keep no reference to it).
 */
@Path("/api/vm/owners")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class OwnerResource {

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

    public OwnerResource(ChangeRecorder changes, MergePatch mergePatch) {
        this.changes = changes;
        this.mergePatch = mergePatch;
    }

    /** @return a page of owners */
    @GET
    @RolesAllowed(Scopes.VM_READ)
    public Page<OwnerDto> list(@Context UriInfo uri) {
        PageRequest page = PageRequest.from(uri.getQueryParameters());
        QueryFilter filter = FILTERS.parse(uri.getQueryParameters());
        var query = Owner.<Owner>find(filter.whereOrdered(), filter.parameters());
        long count = query.count();
        var results = query.range((int) page.offset(), (int) (page.offset() + page.limit() - 1)).list().stream()
                .map(Owner::dto)
                .toList();
        return Page.of(results, count, page, uri);
    }

    /** @return one owner with its {@code ETag}; 404 when unknown */
    @GET
    @Path("{id}")
    @RolesAllowed(Scopes.VM_READ)
    public Response get(@PathParam("id") long id) {
        Owner owner = find(id);
        return Versions.ok(owner.dto(), owner.version);
    }

    /** @return 201 with the owner; 400 invalid, 409 e-mail taken */
    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.VM_WRITE)
    public Response create(OwnerInput input) {
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
        return Versions.created(owner.dto(), owner.version);
    }

    /** @return the changed owner; 400 invalid, 409 e-mail taken, 412 stale {@code If-Match} */
    @PATCH
    @Path("{id}")
    @Transactional
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed(Scopes.VM_WRITE)
    public Response patch(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
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
        return Versions.ok(owner.dto(), owner.version);
    }

    /** Deletes an owner; the VMs it owned lose the reference. 204; 404 unknown, 412 stale. */
    @DELETE
    @Path("{id}")
    @Transactional
    @RolesAllowed(Scopes.VM_WRITE)
    public void delete(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
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
