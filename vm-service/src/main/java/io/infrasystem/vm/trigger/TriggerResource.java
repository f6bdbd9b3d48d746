package io.infrasystem.vm.trigger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrasystem.commons.http.OutboundGuard;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.security.CurrentActor;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.vm.facts.Platform;
import io.infrasystem.vm.sync.SyncCaller;
import io.infrasystem.vm.sync.SyncConfig;
import io.infrasystem.vm.sync.SyncRun;
import io.infrasystem.vm.sync.SyncRunStatus;
import io.infrasystem.vm.sync.SyncService;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/vm/sync/{platform}/trigger} and {@code POST /api/vm/sync/all/trigger}: for each
 * active system API of the platform (or of both), opens a pending chunked run and calls the n8n
 * webhook with {@code {"run_id", "platform", "source", "sync_url", "finish_url"}} (JSON body for
 * POST, query parameters for GET). The workflow then posts its chunks with {@code run_id} and
 * finishes the run. A webhook that fails (network error or a non-2xx answer) marks its run failed.
 * When the system API has {@code auth_header_name} set, every call (GET or POST) sends that header
 * with the stored secret, which n8n's Webhook node checks with its "Header Auth" credential (it
 * answers 403 to a missing or wrong value, which fails the run like any non-2xx answer). A webhook
 * whose host resolves to an internal address not allowed by {@code infra.outbound.allow} is not
 * called: its run fails ({@link OutboundGuard}).
 */
@Path("/api/vm/sync/{platform}/trigger")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TriggerResource {

    /**
     * What one webhook call gave.
     *
     * @param systemApiId the entry called
     * @param runId the run opened for it
     * @param status {@code triggered} or {@code failed}
     * @param httpStatus the webhook's HTTP status, or null when it could not be reached
     * @param error why it failed, or null
     */
    public record Triggered(
            long systemApiId, String name, long runId, String status, Integer httpStatus, String error) {}

    /** The path value that triggers every platform. */
    private static final String ALL = "all";

    private final SyncService sync;
    private final SyncConfig config;
    private final ObjectMapper mapper;
    private final CurrentActor actor;
    private final HttpClient http;
    private final OutboundGuard outbound;
    private final SecurityIdentity identity;

    public TriggerResource(
            SyncService sync,
            SyncConfig config,
            ObjectMapper mapper,
            CurrentActor actor,
            OutboundGuard outbound,
            SecurityIdentity identity) {
        this.identity = identity;
        this.sync = sync;
        this.config = config;
        this.mapper = mapper;
        this.actor = actor;
        this.outbound = outbound;
        // HTTP/1.1: on an http:// URL the client's default (HTTP/2) asks for an h2c upgrade, which n8n
        // leaves unanswered until the timeout (its server hands every upgrade request to its websocket push)
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.triggerTimeout())
                .build();
    }

    /**
     * @param platform {@code nutanix}, {@code vmware} or {@code all}
     * @return one result per active system API (empty when none is configured); a key whose
     *     {@code vm:sync} is limited to sources triggers only the system APIs of those sources
     * @throws ProblemException 400 for another platform
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Scopes.VM_SYNC)
    public List<Triggered> trigger(@PathParam("platform") String platform) {
        boolean all = ALL.equals(platform);
        Platform only = all ? null : Platform.parse(platform).orElse(Platform.OTHER);
        if (only == Platform.OTHER) {
            throw ProblemException.invalid("platform", "must be nutanix, vmware or all");
        }
        List<SystemApi> apis = all
                ? SystemApi.list("active = true order by id")
                : SystemApi.list("active = true and resourceType = ?1 order by id", only.wire());
        String by = actor.resolve("trigger").name();
        SyncCaller caller = SyncCaller.of(actor, identity);
        List<Triggered> out = new ArrayList<>();
        for (SystemApi api : apis) {
            if (!caller.maySync(api.runSource())) {
                continue;
            }
            SyncRun run = sync.open(Platform.of(api.resourceType), api.runSource(), SyncRunStatus.PENDING, by, null);
            out.add(call(api, run));
        }
        return out;
    }

    private Triggered call(SystemApi api, SyncRun run) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("run_id", run.id());
        body.put("platform", run.platform().wire());
        body.put("source", run.source());
        body.put("sync_url", "/api/vm/sync/" + run.platform().wire() + "?run_id=" + run.id());
        body.put("finish_url", "/api/vm/sync-runs/" + run.id() + "/finish");
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder().timeout(config.triggerTimeout());
            if (api.method.equals("GET")) {
                request.uri(URI.create(api.url + (api.url.contains("?") ? "&" : "?") + "run_id=" + run.id()
                                + "&platform=" + run.platform().wire() + "&source="
                                + java.net.URLEncoder.encode(run.source(), java.nio.charset.StandardCharsets.UTF_8)))
                        .GET();
            } else {
                request.uri(URI.create(api.url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body)));
            }
            if (api.authHeaderName != null) {
                request.header(api.authHeaderName, api.authHeaderValue);
            }
            HttpRequest built = request.build();
            outbound.check(built.uri());
            HttpResponse<Void> response = http.send(built, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                return new Triggered(api.id, api.name, run.id(), "triggered", response.statusCode(), null);
            }
            String error = "webhook answered HTTP " + response.statusCode();
            sync.fail(run.id(), error);
            return new Triggered(api.id, api.name, run.id(), "failed", response.statusCode(), error);
        } catch (IOException | IllegalArgumentException e) {
            String error = "webhook unreachable: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage());
            sync.fail(run.id(), error);
            return new Triggered(api.id, api.name, run.id(), "failed", null, error);
        } catch (OutboundGuard.RefusedException e) {
            String error = "webhook refused: " + e.getMessage();
            sync.fail(run.id(), error);
            return new Triggered(api.id, api.name, run.id(), "failed", null, error);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sync.fail(run.id(), "interrupted");
            return new Triggered(api.id, api.name, run.id(), "failed", null, "interrupted");
        }
    }
}
