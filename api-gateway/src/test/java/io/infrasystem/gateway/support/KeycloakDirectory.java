package io.infrasystem.gateway.support;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;

/**
 * Makes sure the realm of the test Keycloak has the confidential client through which the gateway
 * re-checks API key owners ({@code infra-gateway-directory}, service account with
 * {@code realm-management/view-users}), as {@code deploy/keycloak/infra-realm.json} declares it, and
 * hands its secret to the gateway ({@code infra.gateway.owners.client-secret}). A realm imported
 * before the client existed gets it here through the admin REST API; an existing client keeps its
 * secret, which is read back. Owners are cached for 2 s in tests so that a disabled owner shows quickly.
 */
public class KeycloakDirectory implements QuarkusTestResourceLifecycleManager {

    /** Client id of the directory client. */
    public static final String CLIENT = "infra-gateway-directory";

    @Override
    public Map<String, String> start() {
        String realm = "/admin/realms/" + Keycloak.REALM;
        List<Map<String, Object>> found = admin().queryParam("clientId", CLIENT)
                .get(realm + "/clients")
                .then()
                .statusCode(200)
                .extract()
                .path("$");
        if (found.isEmpty()) {
            admin().contentType("application/json")
                    .body(Map.of(
                            "clientId", CLIENT,
                            "enabled", true,
                            "publicClient", false,
                            "serviceAccountsEnabled", true,
                            "standardFlowEnabled", false,
                            "directAccessGrantsEnabled", false))
                    .post(realm + "/clients")
                    .then()
                    .statusCode(201);
            found = admin().queryParam("clientId", CLIENT)
                    .get(realm + "/clients")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("$");
        }
        String id = (String) found.get(0).get("id");
        // The service account's roles must reach its token (as the realm file declares it).
        Map<String, Object> client = new java.util.HashMap<>(found.get(0));
        if (!Boolean.TRUE.equals(client.get("fullScopeAllowed"))) {
            client.put("fullScopeAllowed", true);
            admin().contentType("application/json")
                    .body(client)
                    .put(realm + "/clients/" + id)
                    .then()
                    .statusCode(204);
        }
        String secret = admin().get(realm + "/clients/" + id + "/client-secret")
                .then()
                .statusCode(200)
                .extract()
                .path("value");
        String serviceUser = admin().get(realm + "/clients/" + id + "/service-account-user")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        String management = admin().queryParam("clientId", "realm-management")
                .get(realm + "/clients")
                .then()
                .statusCode(200)
                .extract()
                .path("[0].id");
        Map<String, Object> viewUsers = admin().get(realm + "/clients/" + management + "/roles/view-users")
                .then()
                .statusCode(200)
                .extract()
                .path("$");
        admin().contentType("application/json")
                .body(List.of(Map.of("id", viewUsers.get("id"), "name", "view-users")))
                .post(realm + "/users/" + serviceUser + "/role-mappings/clients/" + management)
                .then()
                .statusCode(204);
        return Map.of(
                "infra.gateway.owners.client-id", CLIENT,
                "infra.gateway.owners.client-secret", secret,
                "infra.gateway.owners.cache-ttl", "2s");
    }

    @Override
    public void stop() {}

    private static RequestSpecification admin() {
        return given().baseUri(Keycloak.URL).header("Authorization", "Bearer " + Keycloak.adminToken());
    }
}
