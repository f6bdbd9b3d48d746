package io.infrasystem.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.infrasystem.commons.security.ActorType;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.gateway.config.KeycloakConfig;
import io.infrasystem.gateway.principal.AuthOutcome;
import io.infrasystem.gateway.principal.CredentialType;
import io.infrasystem.gateway.principal.GatewayPrincipal;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * Verifies people's access tokens issued by Keycloak (realm {@code infra.keycloak.realm}): RS256
 * signature against the realm's JWKS ({@code /realms/<realm>/protocol/openid-connect/certs},
 * re-read every 10 minutes and when an unknown {@code kid} appears), {@code iss}, {@code aud}
 * containing {@code infra.keycloak.audience}, {@code exp} with {@code infra.keycloak.clock-skew}.
 * Realm roles come from {@code realm_access.roles}. A verified token is remembered until it
 * expires, so repeated calls cost a map look-up. {@link #verify} may block (JWKS download): call it
 * from a worker thread; {@link #cached} never blocks.
 */
@ApplicationScoped
public class KeycloakTokenVerifier {

    private final JWTParser parser;
    private final Cache<String, Verified> cache = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();

    private record Verified(GatewayPrincipal principal, Instant expiresAt) {}

    public KeycloakTokenVerifier(KeycloakConfig config) {
        JWTAuthContextInfo info = new JWTAuthContextInfo(config.jwksUri(), config.expectedIssuer());
        info.setExpectedAudience(Set.of(config.audience()));
        info.setExpGracePeriodSecs((int) config.clockSkew().toSeconds());
        info.setClockSkew((int) config.clockSkew().toSeconds());
        info.setGroupsPath("realm_access/roles");
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        info.setJwksRefreshInterval(10);
        this.parser = new DefaultJWTParser(info);
    }

    /**
     * @param token the compact JWS after {@code Bearer }
     * @return the outcome when this token was verified before and has not expired since
     */
    public Optional<AuthOutcome> cached(String token) {
        Verified verified = cache.getIfPresent(token);
        if (verified == null) {
            return Optional.empty();
        }
        if (!verified.expiresAt().isAfter(Instant.now())) {
            cache.invalidate(token);
            return Optional.empty();
        }
        return Optional.of(AuthOutcome.success(verified.principal()));
    }

    /**
     * @param token the compact JWS after {@code Bearer }
     * @return the person (name = {@code preferred_username}, groups = {@code Scopes.groupsForRoles}
     *     of the realm roles), or a failure saying whether the token expired or is otherwise invalid
     */
    public AuthOutcome verify(String token) {
        Optional<AuthOutcome> known = cached(token);
        if (known.isPresent()) {
            return known.get();
        }
        try {
            JsonWebToken jwt = parser.parse(token);
            String name = jwt.getClaim("preferred_username");
            if (name == null || name.isBlank()) {
                name = jwt.getSubject();
            }
            GatewayPrincipal principal =
                    new GatewayPrincipal(name, ActorType.USER, Scopes.groupsForRoles(jwt.getGroups()));
            cache.put(token, new Verified(principal, Instant.ofEpochSecond(jwt.getExpirationTime())));
            return AuthOutcome.success(principal);
        } catch (ParseException e) {
            boolean expired = e.getCause() instanceof InvalidJwtException invalid && invalid.hasExpired();
            return AuthOutcome.failure(CredentialType.BEARER, expired ? "expired token" : "invalid token", null);
        }
    }
}
