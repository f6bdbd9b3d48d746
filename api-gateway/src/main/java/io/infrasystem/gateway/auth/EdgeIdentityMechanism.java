package io.infrasystem.gateway.auth;

import io.infrasystem.commons.request.RequestIds;
import io.infrasystem.commons.security.InternalToken;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.jose4j.jwt.JwtClaims;

/**
 * Authenticates requests to the gateway's own endpoints ({@code /api/gateway/**}) with the same
 * external credentials as the edge: an API key or a Keycloak access token. The identity carries a
 * {@link org.eclipse.microprofile.jwt.JsonWebToken} principal with the claims of the internal token
 * the request would get, so {@code @RolesAllowed} and {@code CurrentActor} work as in every service.
 * Internal tokens (issuer {@code infra-gateway}) are left to SmallRye JWT's mechanism, which verifies
 * them against the configured key like every service does.
 */
@ApplicationScoped
public class EdgeIdentityMechanism implements HttpAuthenticationMechanism {

    private final EdgeAuthenticator authenticator;

    public EdgeIdentityMechanism(EdgeAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        Credential credential = Credential.of(context.request());
        if ("none".equals(credential.type())
                || ("bearer".equals(credential.type()) && InternalTokens.isInternal(credential.value()))) {
            return Uni.createFrom().nullItem();
        }
        String ip = context.request().remoteAddress() == null
                ? null
                : context.request().remoteAddress().hostAddress();
        EdgeAuthenticator.RequestInfo info = new EdgeAuthenticator.RequestInfo(
                ip,
                context.request().method().name(),
                context.request().path(),
                context.request().getHeader(RequestIds.HEADER));
        return Uni.createFrom()
                .completionStage(authenticator.authenticate(credential, info).toCompletionStage())
                .map(outcome -> {
                    if (!outcome.succeeded()) {
                        throw new AuthenticationFailedException(outcome.reason());
                    }
                    return identity(outcome.principal());
                });
    }

    /** @return a security identity for {@code principal}, roles = its groups */
    static SecurityIdentity identity(GatewayPrincipal principal) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(InternalToken.ISSUER);
        claims.setSubject(principal.name());
        claims.setClaim("preferred_username", principal.name());
        claims.setClaim(InternalToken.PRINCIPAL_TYPE_CLAIM, principal.type().wireName());
        claims.setStringListClaim("groups", List.copyOf(principal.groups()));
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new DefaultJWTCallerPrincipal(claims))
                .addRoles(principal.groups())
                .setAnonymous(false)
                .build();
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
