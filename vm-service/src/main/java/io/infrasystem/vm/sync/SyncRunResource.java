package io.infrasystem.vm.sync;

import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.filter.FilterSpec;
import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.security.CurrentActor;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.vm.facts.Platform;
import io.infrasystem.vm.platform.Lists;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Sync runs: {@code GET /api/vm/sync-runs} (filters platform, source, status, mode, started_at;
 * newest first), {@code GET /api/vm/sync-runs/{id}}, {@code POST /api/vm/sync-runs} to open a
 * chunked run ({@code {"platform", "source"}}), {@code POST /api/vm/sync-runs/{id}/finish} to
 * complete it (soft-deletes what no chunk reported; {@code ?confirm_deletions=true} is needed when
 * that is more than {@code infra.vm.sync.max-deleted-share} of the source's live VMs),
 * {@code POST /api/vm/sync-runs/{id}/fail} to end it as failed ({@code {"error"}}; deletes nothing). Chunks, finish and fail are taken only from the
 * principal that opened the run (for a run the suite triggered: the first that wrote to it) or an
 * admin; anyone else gets 403. Unfinished runs expire ({@link SyncRunExpiry}).
 */
@Path("/api/vm/sync-runs")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SyncRunResource {

    /** Body of {@code POST /api/vm/sync-runs}. */
    public record OpenRun(String platform, String source) {}

    /** Body of {@code POST /api/vm/sync-runs/{id}/fail}: why the workflow failed (1–2,000 characters kept). */
    public record FailRun(String error) {}

    static final FilterSpec FILTERS = FilterSpec.builder("id")
            .field(FilterField.choice("platform", "platform", Platform.class))
            .field(FilterField.text("source", "source"))
            .field(FilterField.choice("status", "status", SyncRunStatus.class))
            .field(FilterField.choice("mode", "mode", SyncMode.class))
            .field(FilterField.timestamp("started_at", "started_at"))
            .defaultOrdering("-started_at")
            .build();

    static final Lists.Listing<SyncRun> RUNS =
            new Lists.Listing<>("from vm_sync_run", SyncRunStore.COLUMNS, FILTERS, SyncRunStore::read);

    private final SyncService sync;
    private final CurrentActor actor;
    private final SecurityIdentity identity;
    private final Lists lists;

    public SyncRunResource(SyncService sync, CurrentActor actor, SecurityIdentity identity, Lists lists) {
        this.sync = sync;
        this.actor = actor;
        this.identity = identity;
        this.lists = lists;
    }

    /** @return a page of runs */
    @GET
    @RolesAllowed(Scopes.VM_READ)
    public Page<SyncRun> list(@Context UriInfo uri) {
        return lists.page(RUNS, uri);
    }

    /** @return one run; 404 when unknown */
    @GET
    @Path("{id}")
    @RolesAllowed(Scopes.VM_READ)
    public SyncRun get(@PathParam("id") long id) {
        return sync.run(id);
    }

    /** @return 201 with the open run; 400 for a bad platform or source, 403 for a source the key may not sync */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.VM_SYNC)
    public Response open(OpenRun body) {
        if (body == null) {
            throw ProblemException.invalid("platform", "is required");
        }
        if (body.platform() == null) {
            throw ProblemException.invalid("platform", "is required");
        }
        Platform platform = SyncResource.checkPlatform(body.platform());
        SyncResource.checkSource(body.source());
        SyncCaller caller = SyncCaller.of(actor, identity);
        caller.requireSource(body.source());
        SyncRun run = sync.open(
                platform,
                body.source(),
                SyncRunStatus.OPEN,
                actor.resolve("sync").name(),
                caller.principal());
        return Response.status(Response.Status.CREATED).entity(run).build();
    }

    /**
     * @return the completed run; 400 bad {@code confirm_deletions}, 403 run of another principal, 404
     *     unknown, 409 when not open or expired, or when it would soft-delete too many VMs unconfirmed
     */
    @POST
    @Path("{id}/finish")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Scopes.VM_SYNC)
    public SyncRun finish(@PathParam("id") long id, @QueryParam("confirm_deletions") String confirmDeletions) {
        boolean confirmed = SyncResource.confirmDeletions(confirmDeletions);
        return sync.finish(id, SyncCaller.of(actor, identity), confirmed);
    }

    /**
     * @return the failed run (chunks already applied stay, nothing is deleted); 400 without an
     *     {@code error}, 403 run of another principal, 404 unknown, 409 when not open or expired
     */
    @POST
    @Path("{id}/fail")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.VM_SYNC)
    public SyncRun fail(@PathParam("id") long id, FailRun body) {
        if (body == null || body.error() == null || body.error().isBlank()) {
            throw ProblemException.invalid("error", "is required: why the run failed");
        }
        return sync.failRun(id, body.error(), SyncCaller.of(actor, identity));
    }
}
