package io.infrasystem.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the gateway verifies people's access tokens: Keycloak under {@code infra.keycloak}
 * (environment {@code INFRA_KEYCLOAK_URL}, {@code INFRA_KEYCLOAK_REALM}, ...).
 */
@ConfigMapping(prefix = "infra.keycloak")
public interface KeycloakConfig {

    /** @return base URL of Keycloak, e.g. {@code http://127.0.0.1:8180} */
    @WithDefault("http://127.0.0.1:8180")
    String url();

    /** @return realm name */
    @WithDefault("infra")
    String realm();

    /** @return value that must be in the access token's {@code aud} */
    @WithDefault("infra-gateway")
    String audience();

    /**
     * @return expected {@code iss}, when Keycloak's public URL differs from {@link #url()} (e.g.
     *     the gateway reaches {@code http://keycloak:8080} but tokens name {@code https://sso.example.org});
     *     default {@code <url>/realms/<realm>}
     */
    Optional<String> issuer();

    /** @return tolerated clock difference when checking {@code exp} and {@code iat} */
    @WithDefault("30s")
    Duration clockSkew();

    /** @return the realm's issuer as tokens carry it */
    default String expectedIssuer() {
        return issuer().orElse(url() + "/realms/" + realm());
    }

    /** @return the realm's JWKS (OpenID Connect {@code jwks_uri} of Keycloak) */
    default String jwksUri() {
        return url() + "/realms/" + realm() + "/protocol/openid-connect/certs";
    }
}
