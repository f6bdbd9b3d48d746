package io.infrasystem.gateway.support;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.Optional;

/**
 * Tokens from the real Keycloak of the local stack (realm {@code infra}, dev-only client
 * {@code infra-dev} with the password grant), configured as {@code deploy/local/stack test} exports
 * it ({@code INFRA_KEYCLOAK_URL}, {@code KEYCLOAK_REALM}, {@code INFRA_DEV_CLIENT_ID},
 * {@code DEV_*_PASSWORD}, {@code KC_BOOTSTRAP_ADMIN_*}), with the defaults of {@code deploy/local/infra.env}.
 */
public final class Keycloak {

    public static final String URL = env("INFRA_KEYCLOAK_URL", "http://127.0.0.1:8180");
    public static final String REALM = env("KEYCLOAK_REALM", "infra");
    public static final String CLIENT = env("INFRA_DEV_CLIENT_ID", "infra-dev");

    private static final Map<String, String> PASSWORDS = Map.of(
            "dev-admin", env("DEV_ADMIN_PASSWORD", "dev-admin-password"),
            "dev-editor", env("DEV_EDITOR_PASSWORD", "dev-editor-password"),
            "dev-viewer", env("DEV_VIEWER_PASSWORD", "dev-viewer-password"));

    private Keycloak() {}

    /** @return {@code Bearer <access token>} of a dev user ({@code dev-admin|dev-editor|dev-viewer}) */
    public static String bearer(String user) {
        return "Bearer " + token(CLIENT, user);
    }

    /** @return a fresh access token of {@code user} through the password grant of {@code client} */
    public static String token(String client, String user) {
        return given().baseUri(URL)
                .formParam("grant_type", "password")
                .formParam("client_id", client)
                .formParam("username", user)
                .formParam("password", PASSWORDS.get(user))
                .when()
                .post("/realms/" + REALM + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** @return an access token of the master realm's bootstrap administrator (admin REST API) */
    public static String adminToken() {
        return given().baseUri(URL)
                .formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", env("KC_BOOTSTRAP_ADMIN_USERNAME", "admin"))
                .formParam("password", env("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin-dev-only"))
                .when()
                .post("/realms/master/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    private static String env(String name, String fallback) {
        return Optional.ofNullable(System.getenv(name))
                .filter(v -> !v.isBlank())
                .orElse(fallback);
    }
}
