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

    /** @return a fresh access token of {@code user} with {@code password} through the dev client */
    public static String tokenWithPassword(String user, String password) {
        return given().baseUri(URL)
                .formParam("grant_type", "password")
                .formParam("client_id", CLIENT)
                .formParam("username", user)
                .formParam("password", password)
                .when()
                .post("/realms/" + REALM + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /**
     * Creates an enabled user of the realm with a password and one realm role (admin REST API).
     *
     * @return the user's id
     */
    public static String createUser(String user, String password, String role) {
        String realm = "/admin/realms/" + REALM;
        given().baseUri(URL)
                .header("Authorization", "Bearer " + adminToken())
                .contentType("application/json")
                .body(Map.of(
                        "username",
                        user,
                        "enabled",
                        true,
                        "email",
                        user + "@infra-system.invalid",
                        "emailVerified",
                        true,
                        "firstName",
                        "Test",
                        "lastName",
                        "User",
                        "credentials",
                        java.util.List.of(Map.of("type", "password", "value", password, "temporary", false))))
                .post(realm + "/users")
                .then()
                .statusCode(201);
        String id = given().baseUri(URL)
                .header("Authorization", "Bearer " + adminToken())
                .queryParam("username", user)
                .queryParam("exact", true)
                .get(realm + "/users")
                .then()
                .statusCode(200)
                .extract()
                .path("[0].id");
        realmRole(id, role, true);
        return id;
    }

    /** Grants ({@code add}) or removes a realm role of a user (admin REST API). */
    public static void realmRole(String userId, String role, boolean add) {
        String realm = "/admin/realms/" + REALM;
        Map<String, Object> representation = given().baseUri(URL)
                .header("Authorization", "Bearer " + adminToken())
                .get(realm + "/roles/" + role)
                .then()
                .statusCode(200)
                .extract()
                .path("$");
        var request = given().baseUri(URL)
                .header("Authorization", "Bearer " + adminToken())
                .contentType("application/json")
                .body(java.util.List.of(Map.of("id", representation.get("id"), "name", role)));
        (add
                        ? request.post(realm + "/users/" + userId + "/role-mappings/realm")
                        : request.delete(realm + "/users/" + userId + "/role-mappings/realm"))
                .then()
                .statusCode(204);
    }

    /** Enables or disables a user (admin REST API). */
    public static void setEnabled(String userId, boolean enabled) {
        Map<String, Object> user = new java.util.HashMap<>(given().baseUri(URL)
                .header("Authorization", "Bearer " + adminToken())
                .get("/admin/realms/" + REALM + "/users/" + userId)
                .then()
                .statusCode(200)
                .extract()
                .<Map<String, Object>>path("$"));
        user.put("enabled", enabled);
        given().baseUri(URL)
                .header("Authorization", "Bearer " + adminToken())
                .contentType("application/json")
                .body(user)
                .put("/admin/realms/" + REALM + "/users/" + userId)
                .then()
                .statusCode(204);
    }

    /** Deletes a user (admin REST API). */
    public static void deleteUser(String userId) {
        given().baseUri(URL)
                .header("Authorization", "Bearer " + adminToken())
                .delete("/admin/realms/" + REALM + "/users/" + userId)
                .then()
                .statusCode(204);
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
