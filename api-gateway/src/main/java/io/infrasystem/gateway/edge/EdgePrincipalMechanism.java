package io.infrasystem.gateway.edge;

import io.infrasystem.gateway.principal.AuthOutcome;
import io.infrasystem.gateway.principal.GatewayPrincipal;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/**
 * The one door of the gateway's own resources ({@code /api/gateway/**}): {@link EdgeHandler} checks
 * the caller's credential once and {@linkplain #hand puts the outcome on the routing context}; this
 * mechanism turns it into the request's {@link SecurityIdentity} (principal = the
 * {@link GatewayPrincipal}, roles = its groups) without verifying anything again, so
 * {@code @RolesAllowed} and {@code CurrentActor} work as in every service. A refused credential fails
 * authentication (401 problem). A request the edge left alone (no credential, or an internal token,
 * which SmallRye JWT verifies exactly as in every service) goes on to the next mechanism.
 */
@ApplicationScoped
public class EdgePrincipalMechanism implements HttpAuthenticationMechanism {

    private static final String OUTCOME = "infra.edge.outcome";

    /**
     * @param context the request's routing context
     * @param outcome what the edge decided about the request's credential
     */
    static void hand(RoutingContext context, AuthOutcome outcome) {
        context.put(OUTCOME, outcome);
    }

    /** @return the principal the edge authenticated for this request, if any */
    static Optional<GatewayPrincipal> principal(RoutingContext context) {
        AuthOutcome outcome = context.get(OUTCOME);
        return outcome == null ? Optional.empty() : Optional.ofNullable(outcome.principal());
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        AuthOutcome outcome = context.get(OUTCOME);
        if (outcome == null) {
            return Uni.createFrom().nullItem();
        }
        if (!outcome.succeeded()) {
            return Uni.createFrom().failure(new AuthenticationFailedException(outcome.reason()));
        }
        GatewayPrincipal principal = outcome.principal();
        return Uni.createFrom()
                .item(QuarkusSecurityIdentity.builder()
                        .setPrincipal(principal)
                        .addRoles(principal.groups())
                        .setAnonymous(false)
                        .build());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 1000;
    }
}
