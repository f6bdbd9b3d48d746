package io.infrasystem.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.infrasystem.commons.testing.TestDatabase;
import io.infrasystem.commons.testing.TestTokens;
import io.infrasystem.gateway.support.Keycloak;
import io.infrasystem.gateway.support.KeycloakDirectory;
import io.infrasystem.gateway.support.UpstreamStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = TestDatabase.class, initArgs = @ResourceArg(name = "kind", value = "postgresql"))
@QuarkusTestResource(UpstreamStub.class)
@QuarkusTestResource(KeycloakDirectory.class)
class ApiKeyTest {

    static final String KEYS = "/api/gateway/api-keys";

    static JsonPath create(String bearer, Map<String, Object> body) {
        return given().header("Authorization", bearer)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(KEYS)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void editorCreatesAKeyWhoseSecretIsShownOnceAndWhoseCreationIsAuditedUnderTheirName() {
        String name = unique("n8n-sync");
        JsonPath created = create(
                Keycloak.bearer("dev-editor"),
                Map.of("name", name, "scopes", List.of("vm:read", "vm:sync"), "description", "n8n webhook"));
        String secret = created.getString("secret");
        assertThat(secret).matches("isk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
        assertThat(created.getString("api_key.owner")).isEqualTo("dev-editor");
        assertThat(created.getString("api_key.display"))
                .startsWith("isk_")
                .endsWith(secret.substring(secret.length() - 4));
        long id = created.getLong("api_key.id");

        String listed = given().header("Authorization", Keycloak.bearer("dev-editor"))
                .queryParam("name", name)
                .when()
                .get(KEYS)
                .then()
                .statusCode(200)
                .body("count", equalTo(1))
                .body("results[0].scopes", equalTo(List.of("vm:read", "vm:sync")))
                .body("results[0].status", equalTo("active"))
                .extract()
                .asString();
        assertThat(listed).doesNotContain(secret.substring(17)).doesNotContain("secret_hash");

        asAdmin("/api/gateway/audit", Map.of("resource_type", "api_key", "resource_id", String.valueOf(id)))
                .body("results.actor", hasItem("dev-editor"))
                .body("results.action", hasItem("created"));
    }

    @Test
    void viewerCannotGiveAKeyWriteScopes() {
        given().header("Authorization", Keycloak.bearer("dev-viewer"))
                .contentType(ContentType.JSON)
                .body(Map.of("name", unique("viewer-key"), "scopes", List.of("vm:read", "vm:write")))
                .when()
                .post(KEYS)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        create(Keycloak.bearer("dev-viewer"), Map.of("name", unique("viewer-read"), "scopes", List.of("vm:read")));
    }

    @Test
    void aKeysSyncCanBeLimitedToNamedSources() {
        JsonPath created = create(
                Keycloak.bearer("dev-editor"),
                Map.of("name", unique("n8n-pc1"), "scopes", List.of("vm:read", "vm:sync:pc-1", "vm:sync:vc-2")));
        assertThat(created.getList("api_key.scopes", String.class))
                .containsExactlyInAnyOrder("vm:read", "vm:sync:pc-1", "vm:sync:vc-2", "vm:sync");
        given().header("Authorization", Keycloak.bearer("dev-viewer"))
                .contentType(ContentType.JSON)
                .body(Map.of("name", unique("viewer-sync"), "scopes", List.of("vm:sync:pc-1")))
                .post(KEYS)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", Keycloak.bearer("dev-editor"))
                .contentType(ContentType.JSON)
                .body(Map.of("name", unique("bad-source"), "scopes", List.of("vm:sync:two words")))
                .post(KEYS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("scopes[0]"));
    }

    @Test
    void onlyAdminsCreateKeysForSomeoneElse() {
        given().header("Authorization", Keycloak.bearer("dev-editor"))
                .contentType(ContentType.JSON)
                .body(Map.of("name", unique("other"), "owner", "dev-viewer", "scopes", List.of("vm:read")))
                .when()
                .post(KEYS)
                .then()
                .statusCode(403);
        JsonPath created = create(
                Keycloak.bearer("dev-admin"),
                Map.of("name", unique("for-viewer"), "owner", "dev-viewer", "scopes", List.of("mail:send")));
        assertThat(created.getString("api_key.owner")).isEqualTo("dev-viewer");
        assertThat(created.getString("api_key.created_by")).isEqualTo("dev-admin");
        listsKeysNamed("dev-viewer", created.getString("api_key.name"), 1);
        listsKeysNamed("dev-editor", created.getString("api_key.name"), 0);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        given().header("Authorization", Keycloak.bearer("dev-admin"))
                .contentType(ContentType.JSON)
                .body(Map.of("name", "bad name!", "scopes", List.of("vm:read", "vm:everything")))
                .when()
                .post(KEYS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("name"));
        given().header("Authorization", Keycloak.bearer("dev-admin"))
                .contentType(ContentType.JSON)
                .body(Map.of("name", unique("k"), "scopes", List.of("vm:read", "vm:everything")))
                .when()
                .post(KEYS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("scopes[1]"));
        given().header("Authorization", Keycloak.bearer("dev-admin"))
                .contentType(ContentType.JSON)
                .body(Map.of("name", unique("k"), "scopes", List.of("vm:read"), "expires_at", "2001-01-01T00:00:00Z"))
                .when()
                .post(KEYS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("expires_at"));
        String name = unique("dup");
        create(Keycloak.bearer("dev-admin"), Map.of("name", name, "scopes", List.of("vm:read")));
        given().header("Authorization", Keycloak.bearer("dev-admin"))
                .contentType(ContentType.JSON)
                .body(Map.of("name", name, "scopes", List.of("vm:read")))
                .when()
                .post(KEYS)
                .then()
                .statusCode(409);
    }

    @Test
    void aReadKeyReachesTheVmServiceWithExactlyItsScopesAndRecordsLastUse() {
        JsonPath created =
                create(Keycloak.bearer("dev-editor"), Map.of("name", unique("reader"), "scopes", List.of("vm:read")));
        String secret = created.getString("secret");
        String authorization = given().header("X-API-Key", secret)
                .when()
                .get("/api/vm/vms")
                .then()
                .statusCode(200)
                .body("path", equalTo("/api/vm/vms"))
                .body("api_key", nullValue())
                .body("authorization", startsWith("Bearer "))
                .extract()
                .path("authorization");
        Map<String, Object> claims = InternalTokenAssert.verify(authorization.substring(7));
        assertThat(claims.get("principal_type")).isEqualTo("api_key");
        assertThat(claims.get("preferred_username")).isEqualTo("key:dev-editor/" + created.getString("api_key.name"));
        assertThat(claims.get("groups")).isEqualTo(List.of("vm:read"));
        assertThat(claims.get("acts_for")).as("the key acts for its owner").isEqualTo("dev-editor");

        given().header("Authorization", Keycloak.bearer("dev-editor"))
                .when()
                .get(KEYS + "/" + created.getLong("api_key.id"))
                .then()
                .statusCode(200)
                .body("last_used_at", notNullValue());
    }

    @Test
    void revokedAndExpiredKeysAreRefusedAndTheFailuresAreRecorded() {
        JsonPath revoked =
                create(Keycloak.bearer("dev-editor"), Map.of("name", unique("revoked"), "scopes", List.of("vm:read")));
        given().header("X-API-Key", revoked.getString("secret"))
                .when()
                .get("/api/vm/vms")
                .then()
                .statusCode(200);
        given().header("Authorization", Keycloak.bearer("dev-editor"))
                .when()
                .delete(KEYS + "/" + revoked.getLong("api_key.id"))
                .then()
                .statusCode(200)
                .body("status", equalTo("revoked"))
                .body("revoked_by", equalTo("dev-editor"));
        given().header("X-API-Key", revoked.getString("secret"))
                .when()
                .get("/api/vm/vms")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");

        JsonPath expiring = create(
                Keycloak.bearer("dev-editor"),
                Map.of(
                        "name",
                        unique("expiring"),
                        "scopes",
                        List.of("vm:read"),
                        "expires_at",
                        Instant.now().plusSeconds(2).toString()));
        given().header("X-API-Key", expiring.getString("secret"))
                .when()
                .get("/api/vm/vms")
                .then()
                .statusCode(200);
        sleep(2500);
        given().header("X-API-Key", expiring.getString("secret"))
                .when()
                .get("/api/vm/vms")
                .then()
                .statusCode(401);

        String wrongSecret = revoked.getString("secret").substring(0, 17) + "A".repeat(43);
        given().header("X-API-Key", wrongSecret)
                .when()
                .get("/api/vm/vms")
                .then()
                .statusCode(401);

        asAdmin("/api/gateway/auth-failures", Map.of("credential_hint", revoked.getString("api_key.key_id")))
                .body("results.reason", hasItem("revoked API key"))
                .body("results.reason", hasItem("unknown API key"));
        asAdmin("/api/gateway/auth-failures", Map.of("credential_hint", expiring.getString("api_key.key_id")))
                .body("results.reason", hasItem("expired API key"));
    }

    @Test
    void theGatewaysOwnEndpointsAnswerRefusedOrMissingCredentialsWithA401Problem() {
        given().header("X-API-Key", "isk_000000000000_" + "A".repeat(43))
                .when()
                .get(KEYS)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer not-a-token")
                .when()
                .get(KEYS)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().when().get(KEYS).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aKeyNamedAdminActsAsKeyOwnerSlashNameNeverAsAPerson() {
        String name = unique("admin");
        JsonPath created = create(Keycloak.bearer("dev-viewer"), Map.of("name", name, "scopes", List.of("vm:read")));
        Map<String, Object> claims = InternalTokenAssert.verify(given().header("X-API-Key", created.getString("secret"))
                .when()
                .get("/api/vm/vms")
                .then()
                .statusCode(200)
                .extract()
                .<String>path("authorization")
                .substring(7));
        assertThat(claims)
                .containsEntry("sub", "key:dev-viewer/" + name)
                .containsEntry("preferred_username", "key:dev-viewer/" + name)
                .containsEntry("principal_type", "api_key");
    }

    @Test
    void aKeyLivesNinetyDaysByDefaultAndAtMostTheConfiguredMaximum() {
        Instant before = Instant.now();
        JsonPath created = create(
                Keycloak.bearer("dev-viewer"), Map.of("name", unique("default-life"), "scopes", List.of("vm:read")));
        Instant expires = Instant.parse(created.getString("api_key.expires_at"));
        assertThat(expires)
                .isBetween(
                        before.plus(java.time.Duration.ofDays(90)).minusSeconds(5),
                        Instant.now().plus(java.time.Duration.ofDays(90)).plusSeconds(5));
        given().header("Authorization", Keycloak.bearer("dev-viewer"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name", unique("too-long"),
                        "scopes", List.of("vm:read"),
                        "expires_at",
                                Instant.now()
                                        .plus(java.time.Duration.ofDays(366))
                                        .toString()))
                .when()
                .post(KEYS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("expires_at"));
    }

    @Test
    void aDemotedOwnersKeyLosesTheScopesTheRoleNoLongerGrantsAndADisabledOwnersKeyStopsWorking() {
        String user = unique("gw-owner");
        String password = UUID.randomUUID().toString();
        String userId = Keycloak.createUser(user, password, "editor");
        try {
            String bearer = "Bearer " + Keycloak.tokenWithPassword(user, password);
            JsonPath created =
                    create(bearer, Map.of("name", unique("owned"), "scopes", List.of("vm:read", "vm:write")));
            String secret = created.getString("secret");
            assertThat(groupsSeenUpstream(secret)).containsExactlyInAnyOrder("vm:read", "vm:write");

            Keycloak.realmRole(userId, "editor", false);
            Keycloak.realmRole(userId, "viewer", true);
            sleep(2500); // the owner cache of the tests: 2 s
            assertThat(groupsSeenUpstream(secret)).containsExactly("vm:read");

            Keycloak.setEnabled(userId, false);
            sleep(2500);
            String probe = "probe=" + UUID.randomUUID();
            given().header("X-API-Key", secret)
                    .when()
                    .get("/api/vm/vms?" + probe)
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.containsString("owner is disabled"));
            asAdmin("/api/gateway/auth-failures", Map.of("credential_hint", created.getString("api_key.key_id")))
                    .body("results.reason", hasItem("the key's owner is disabled or removed"));
        } finally {
            Keycloak.deleteUser(userId);
        }
    }

    /** @return the groups of the internal token that a request with {@code secret} carried upstream */
    @SuppressWarnings("unchecked")
    private static List<String> groupsSeenUpstream(String secret) {
        String authorization = given().header("X-API-Key", secret)
                .when()
                .get("/api/vm/vms")
                .then()
                .statusCode(200)
                .extract()
                .path("authorization");
        return (List<String>)
                InternalTokenAssert.verify(authorization.substring(7)).get("groups");
    }

    @Test
    void apiKeysCannotManageApiKeys() {
        String secret = create(
                        Keycloak.bearer("dev-admin"),
                        Map.of("name", unique("all"), "scopes", List.of("vm:read", "vm:write")))
                .getString("secret");
        given().header("X-API-Key", secret).when().get(KEYS).then().statusCode(403);
    }

    /** Asserts that {@code user}'s key list filtered by {@code name} counts {@code count} keys. */
    private static void listsKeysNamed(String user, String name, int count) {
        given().header("Authorization", Keycloak.bearer(user))
                .queryParam("name", name)
                .when()
                .get(KEYS)
                .then()
                .statusCode(200)
                .body("count", equalTo(count));
    }

    /** @return an administrator's {@code GET path?query}, 200 asserted */
    private static ValidatableResponse asAdmin(String path, Map<String, String> query) {
        return given().header("Authorization", TestTokens.user("root", Set.of("admin")))
                .queryParams(query)
                .when()
                .get(path)
                .then()
                .statusCode(200);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
