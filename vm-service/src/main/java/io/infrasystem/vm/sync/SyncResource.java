package io.infrasystem.vm.sync;

import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.security.CurrentActor;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.vm.facts.Platform;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/**
 * {@code POST /api/vm/sync/{platform}}: what n8n forwards from the hypervisor APIs, recognised by
 * shape (see {@link io.infrasystem.vm.payload.PayloadShape}). Query parameters: {@code source}
 * (required unless {@code run_id} is given: the vCenter / Prism Central name, 1–255 characters),
 * {@code mode} ({@code full}, the default, soft-deletes the source's VMs the payload lacks;
 * {@code partial} does not; a Prism webhook event defaults to {@code partial}), {@code run_id} (a
 * chunk of an open run: only the principal that opened the run, or an admin, may send it, else 403),
 * {@code confirm_deletions} ({@code true} lets a full sync soft-delete more than
 * {@code infra.vm.sync.max-deleted-share} of the source's live VMs; without it such a sync is
 * refused with 409 naming the count and writes nothing). The body is capped by
 * {@code quarkus.http.limits.max-body-size} (413)
 * and read as a stream, VM by VM ({@link io.infrasystem.vm.payload.PayloadReader#stream}), never whole.
 */
@Path("/api/vm/sync/{platform}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SyncResource {

    private final SyncService sync;
    private final CurrentActor actor;
    private final SecurityIdentity identity;

    public SyncResource(SyncService sync, CurrentActor actor, SecurityIdentity identity) {
        this.sync = sync;
        this.actor = actor;
        this.identity = identity;
    }

    /**
     * @return the sync run after this payload (counts of seen, created, updated, unchanged, deleted, restored)
     * @throws ProblemException 400 for malformed JSON, an unknown shape, a shape of another platform,
     *     a VM without uuid, negative sizes, duplicate uuids, bad parameters; 403 for a run opened by
     *     another principal; 404/409 for a bad run; 409 for a full sync that would delete too many VMs
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Scopes.VM_SYNC)
    public SyncRun sync(
            @PathParam("platform") String platform,
            @QueryParam("source") String source,
            @QueryParam("mode") String mode,
            @QueryParam("run_id") Long runId,
            @QueryParam("confirm_deletions") String confirmDeletions,
            InputStream body) {
        Platform target = checkPlatform(platform);
        if (runId == null) {
            checkSource(source);
        } else if (source != null) {
            checkSource(source);
        }
        SyncMode asked = mode == null
                ? null
                : SyncMode.parse(mode).orElseThrow(() -> ProblemException.invalid("mode", "must be full or partial"));
        return sync.apply(
                target, source, asked, runId, body, SyncCaller.of(actor, identity), confirmDeletions(confirmDeletions));
    }

    /**
     * @return the platform named in a URL or body
     * @throws ProblemException 400 for anything but {@code nutanix}, {@code vmware}, {@code other}
     */
    static Platform checkPlatform(String platform) {
        return Platform.parse(platform)
                .orElseThrow(() -> ProblemException.invalid(
                        "platform", "must be one of " + new java.util.TreeSet<>(Platform.wireValues())));
    }

    /**
     * @param value the {@code confirm_deletions} query parameter, or null
     * @return whether it is {@code true}
     * @throws ProblemException 400 for anything but {@code true} or {@code false}
     */
    static boolean confirmDeletions(String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ProblemException.invalid("confirm_deletions", "must be true or false");
    }

    static void checkSource(String source) {
        if (source == null || source.isBlank()) {
            throw ProblemException.invalid(
                    "source", "is required: the vCenter or Prism Central the payload comes from");
        }
        if (source.length() > 255) {
            throw ProblemException.invalid("source", "must be at most 255 characters");
        }
    }
}
