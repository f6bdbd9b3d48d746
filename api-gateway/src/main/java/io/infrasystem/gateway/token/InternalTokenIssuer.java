package io.infrasystem.gateway.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.infrasystem.commons.security.InternalToken;
import io.infrasystem.gateway.config.GatewayConfig;
import io.infrasystem.gateway.principal.GatewayPrincipal;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * Signs the internal token forwarded to services (docs/architecture.md "Identity inside the suite"):
 * RS256 with the current {@link SigningKeys} key ({@code kid} in the header), {@code iss}
 * {@value InternalToken#ISSUER}, {@code aud} {@value InternalToken#AUDIENCE}, {@code sub} and
 * {@code preferred_username} = principal name, {@code principal_type} {@code user|api_key},
 * {@code groups}, for an API key {@code acts_for} (its owner's user name), {@code iat}, {@code exp} = {@code iat} + {@code infra.gateway.token.lifetime}.
 * Tokens are cached per principal (name, type and groups) until {@code renew-before} ahead of their
 * expiry, so a request normally costs a map look-up, not an RSA signature.
 */
@ApplicationScoped
public class InternalTokenIssuer {

    private static final Duration MAX_LIFETIME = Duration.ofMinutes(5);

    private final SigningKeys keys;
    private final Duration lifetime;
    private final Cache<GatewayPrincipal, String> cache;

    public InternalTokenIssuer(SigningKeys keys, GatewayConfig config) {
        this.keys = keys;
        this.lifetime = config.token().lifetime().compareTo(MAX_LIFETIME) > 0
                ? MAX_LIFETIME
                : config.token().lifetime();
        Duration reuse = lifetime.minus(config.token().renewBefore());
        this.cache = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(reuse.isNegative() || reuse.isZero() ? Duration.ofSeconds(1) : reuse)
                .build();
    }

    /**
     * @param principal the authenticated caller
     * @return compact JWS of the internal token, valid for at least {@code renew-before}
     */
    public String tokenFor(GatewayPrincipal principal) {
        return cache.get(principal, this::sign);
    }

    /** @return the lifetime of the tokens signed (capped at 5 minutes) */
    public Duration lifetime() {
        return lifetime;
    }

    private String sign(GatewayPrincipal principal) {
        SigningKeys.ActiveKey key = keys.current();
        Instant now = Instant.now();
        var claims = Jwt.issuer(InternalToken.ISSUER)
                .audience(InternalToken.AUDIENCE)
                .subject(principal.name())
                .preferredUserName(principal.name())
                .claim(InternalToken.PRINCIPAL_TYPE_CLAIM, principal.type().wireName())
                .groups(principal.groups());
        if (principal.actsFor() != null) {
            claims.claim(InternalToken.ACTS_FOR_CLAIM, principal.actsFor());
        }
        return claims.issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .jws()
                .keyId(key.kid())
                .algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256)
                .sign(key.privateKey());
    }
}
