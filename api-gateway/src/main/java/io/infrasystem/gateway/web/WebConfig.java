package io.infrasystem.gateway.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What the gateway tells the web application about its login, under {@code infra.web}
 * (environment {@code INFRA_WEB_KEYCLOAK_URL}, ...). Served as {@code /config.json}, so one build of
 * the app runs behind any gateway.
 */
@ConfigMapping(prefix = "infra.web")
public interface WebConfig {

    /**
     * @return Keycloak's base URL as browsers reach it, e.g. {@code http://127.0.0.1:8180}; also the
     *     one origin besides the gateway's own that the Content-Security-Policy admits
     */
    String keycloakUrl();

    /** @return realm name */
    @WithDefault("infra")
    String realm();

    /** @return the public OpenID Connect client of the app (authorization code with PKCE) */
    @WithDefault("infra-web")
    String clientId();

    /** @return the OpenID Connect issuer the app logs in at: {@code <keycloak-url>/realms/<realm>} */
    default String authority() {
        return keycloakUrl() + "/realms/" + realm();
    }
}
