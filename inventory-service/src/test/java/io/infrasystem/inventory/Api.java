package io.infrasystem.inventory;

import static io.restassured.RestAssured.given;

import io.infrasystem.commons.security.Scopes;
import io.infrasystem.commons.testing.TestTokens;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.Set;
import java.util.UUID;

/** Tokens and small builders shared by the inventory tests; every name is unique per call. */
final class Api {

    static final String VIEWER = TestTokens.user("vera", Scopes.groupsForRoles(Set.of(Scopes.VIEWER)));
    static final String EDITOR = TestTokens.user("eddie", Scopes.groupsForRoles(Set.of(Scopes.EDITOR)));
    static final String ADMIN = TestTokens.user("ada", Scopes.groupsForRoles(Set.of(Scopes.ADMIN)));

    private Api() {}

    static RequestSpecification as(String token) {
        return given().header("Authorization", token).contentType("application/json");
    }

    /**
     * @param method {@code POST}, {@code PUT} or {@code PATCH}
     * @param path the request path
     * @param json the body
     * @return the response to the editor's request, for assertions
     */
    static ValidatableResponse editorWrites(String method, String path, String json) {
        return as(EDITOR).body(json).request(method, path).then();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static long post(String path, String json) {
        return as(EDITOR)
                .body(json)
                .post(path)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    static long site() {
        return post(
                "/api/inventory/sites",
                "{\"name\":\"" + unique("DC") + "\",\"status\":\"active\",\"time_zone\":\"Africa/Tunis\"}");
    }

    static long rack(long site, int height) {
        return post(
                "/api/inventory/racks",
                "{\"site_id\":" + site + ",\"name\":\"" + unique("R") + "\",\"status\":\"active\",\"u_height\":"
                        + height + "}");
    }

    static long manufacturer() {
        return post("/api/inventory/manufacturers", "{\"name\":\"" + unique("Maker") + "\"}");
    }

    static long deviceType(String category) {
        return post(
                "/api/inventory/device-types",
                "{\"name\":\"" + unique(category) + "\",\"category\":\"" + category + "\"}");
    }

    static long model(long manufacturer, String uHeight, boolean fullDepth) {
        return post(
                "/api/inventory/models",
                "{\"manufacturer_id\":" + manufacturer + ",\"device_type_id\":" + deviceType("server") + ",\"name\":\""
                        + unique("M") + "\",\"u_height\":" + uHeight + ",\"is_full_depth\":" + fullDepth + "}");
    }

    static long asset(long model, String extraJson) {
        return post(
                "/api/inventory/assets",
                "{\"model_id\":" + model + ",\"status\":\"active\",\"hostname\":\"" + unique("host") + "\""
                        + (extraJson.isEmpty() ? "" : "," + extraJson) + "}");
    }
}
