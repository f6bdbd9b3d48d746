package io.infrasystem.vm.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrasystem.commons.audit.Change;
import io.infrasystem.commons.audit.ChangeRecorder;
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

/**
 * System APIs (the n8n webhooks the triggers call), admin only: {@code /api/vm/system-apis} list,
 * create (409 for a taken name), read, {@code PATCH} (merge patch, {@code If-Match}), delete.
 */
@Path("/api/vm/system-apis")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SystemApiResource {

    private final ChangeRecorder changes;
    private final MergePatch mergePatch;

    public SystemApiResource(ChangeRecorder changes, MergePatch mergePatch) {
        this.changes = changes;
        this.mergePatch = mergePatch;
    }

    /** @return every entry, by name */
    @GET
    @RolesAllowed(Scopes.ADMIN)
    public Page<SystemApiDto> list(@Context UriInfo uri) {
        PageRequest page = PageRequest.from(uri.getQueryParameters());
        var query = SystemApi.<SystemApi>find("order by name, id");
        long count = query.count();
        return Page.of(query.range((int) page.offset(), (int) (page.offset() + page.limit() - 1)).list().stream()
                .map(SystemApi::dto).toList(), count, page, uri);
    }

    /** @return one entry with its {@code ETag}; 404 when unknown */
    @GET
    @RolesAllowed(Scopes.ADMIN)
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        SystemApi api = find(id);
        return Versions.ok(api.dto(), api.version);
    }

    /** @return 201; 400 invalid, 409 name taken */
    @POST
    @RolesAllowed(Scopes.ADMIN)
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(SystemApiInput input) {
        if (input == null) {
            throw ProblemException.invalid("body", "a system API is required");
        }
        mergePatch.validate(input);
        checkName(input.name(), null);
        SystemApi api = new SystemApi();
        apply(api, input);
        api.createdAt = Instant.now();
        api.updatedAt = api.createdAt;
        api.persistAndFlush();
        changes.record(Change.created("system_api", api.id, api.dto()));
        return Versions.created(api.dto(), api.version);
    }

    /** @return the changed entry; 400, 404, 409, 412 */
    @PATCH
    @RolesAllowed(Scopes.ADMIN)
    @Path("{id}")
    @Transactional
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Response patch(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        SystemApi api = find(id);
        Versions.checkIfMatch(ifMatch, api.version);
        SystemApiDto before = api.dto();
        SystemApiInput input = mergePatch.apply(new SystemApiInput(api.name, api.url, api.method, api.resourceType,
                api.source, api.active), patch, SystemApiInput.class);
        checkName(input.name(), id);
        apply(api, input);
        api.updatedAt = Instant.now();
        api.flush();
        changes.record(Change.updated("system_api", id, before, api.dto()));
        return Versions.ok(api.dto(), api.version);
    }

    /** Deletes an entry; 204, 404, 412. */
    @DELETE
    @RolesAllowed(Scopes.ADMIN)
    @Path("{id}")
    @Transactional
    public void delete(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        SystemApi api = find(id);
        Versions.checkIfMatch(ifMatch, api.version);
        SystemApiDto before = api.dto();
        api.delete();
        api.flush();
        changes.record(Change.deleted("system_api", id, before));
    }

    private static SystemApi find(long id) {
        return SystemApi.<SystemApi>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("system api", id));
    }

    private static void checkName(String name, Long self) {
        long taken = self == null ? SystemApi.count("name = ?1", name.strip())
                : SystemApi.count("name = ?1 and id <> ?2", name.strip(), self);
        if (taken > 0) {
            throw ProblemException.conflict("a system API named " + name + " exists already");
        }
    }

    private static void apply(SystemApi api, SystemApiInput input) {
        api.name = input.name().strip();
        api.url = input.url().strip();
        api.method = input.method();
        api.resourceType = input.resourceType();
        api.source = input.source() == null || input.source().isBlank() ? null : input.source().strip();
        api.active = input.isActive();
    }
}
