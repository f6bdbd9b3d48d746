package io.infrasystem.realtime.ws;

import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.realtime.config.RealtimeConfig;
import io.infrasystem.realtime.fanout.EventHub;
import io.infrasystem.realtime.subscription.ConnectRequest;
import io.infrasystem.realtime.subscription.Visibility;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Admits a WebSocket upgrade only for a caller with a valid internal token holding
 * {@code events:read} (401 with {@code WWW-Authenticate: Bearer} otherwise, 403 without the scope,
 * 429 when the principal already holds {@code infra.realtime.connections.max-per-principal} streams)
 * and hands the caller's clearance and subscription to the connection.
 */
@ApplicationScoped
public class ConnectionUpgradeCheck implements HttpUpgradeCheck {

    static final UserData.TypedKey<Accepted> ACCEPTED = new UserData.TypedKey<>("realtime.accepted");

    private final Visibility visibility;
    private final RealtimeConfig config;
    private final EventHub hub;

    /**
     * @param visibility visibility rules
     * @param config limits
     * @param hub the open streams (per-principal cap)
     */
    public ConnectionUpgradeCheck(Visibility visibility, RealtimeConfig config, EventHub hub) {
        this.visibility = visibility;
        this.config = config;
        this.hub = hub;
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return EventSocket.ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        return context.securityIdentity().onFailure().recoverWithNull().map(identity -> {
            if (identity == null || identity.isAnonymous()) {
                return CheckResult.rejectUpgradeSync(401, Map.of("WWW-Authenticate", List.of("Bearer")));
            }
            Visibility.Clearance clearance = visibility.clearanceOf(identity);
            if (clearance == null) {
                return CheckResult.rejectUpgradeSync(403);
            }
            if (hub.openStreams(clearance.principal()) >= config.connections().maxPerPrincipal()) {
                return CheckResult.rejectUpgradeSync(429);
            }
            try {
                ConnectRequest request = ConnectParameterFilter.parse(
                        context.httpRequest().params(), config.connections().maxFilters());
                context.userData().put(ACCEPTED, new Accepted(clearance, request));
                return CheckResult.permitUpgradeSync();
            } catch (ProblemException e) {
                return CheckResult.rejectUpgradeSync(400);
            }
        });
    }

    /**
     * @param clearance what the caller may see
     * @param request what it asked for
     */
    record Accepted(Visibility.Clearance clearance, ConnectRequest request) {}
}
