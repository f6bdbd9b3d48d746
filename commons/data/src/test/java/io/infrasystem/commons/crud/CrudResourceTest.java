package io.infrasystem.commons.crud;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.infrasystem.commons.security.Scopes;
import io.infrasystem.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the kernel's base class gives a resource that declares only its path, scopes and service
 * (the probe's {@code WidgetCrudResource}): authentication on every endpoint, its own included,
 * the scopes of {@link CrudScopes}, JSON answers, and the filters of {@link CrudKind#filters}.
 */
@QuarkusTest
class CrudResourceTest {

    private static final String WIDGETS = "/api/probe/crud/widgets";
    private static final String VIEWER = TestTokens.user("vera", Scopes.groupsForRoles(Set.of(Scopes.VIEWER)));
    private static final String EDITOR = TestTokens.user("alice", Scopes.groupsForRoles(Set.of(Scopes.EDITOR)));
    private static final String ADMIN = TestTokens.user("root", Scopes.groupsForRoles(Set.of(Scopes.ADMIN)));

    private static RequestSpecification as(String token) {
        return given().header("Authorization", token).contentType("application/json");
    }

    private static long create(String name) {
        return as(EDITOR)
                .body("{\"name\":\"" + name + "\",\"size_u\":3}")
                .post(WIDGETS)
                .then()
                .statusCode(201)
                .contentType("application/json")
                .header("ETag", "\"0\"")
                .extract()
                .jsonPath()
                .getLong("id");
    }

    @Test
    void anonymousCallersGet401ProblemOnEveryEndpointTheSubclassesOwnIncluded() {
        for (List<String> call : List.of(
                List.of("GET", WIDGETS),
                List.of("GET", WIDGETS + "/1"),
                List.of("POST", WIDGETS),
                List.of("PUT", WIDGETS + "/1"),
                List.of("PATCH", WIDGETS + "/1"),
                List.of("DELETE", WIDGETS + "/1"),
                List.of("GET", WIDGETS + "/count"),
                List.of("GET", WIDGETS + "/count/admin"))) {
            given().contentType("application/json")
                    .body("{}")
                    .request(call.get(0), call.get(1))
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void callersWithoutTheScopeGet403ProblemOnTheKernelsAndTheSubclassesEndpoints() {
        long id = create("w-" + UUID.randomUUID());
        as(VIEWER)
                .body("{\"name\":\"x\",\"size_u\":1}")
                .post(WIDGETS)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
        as(VIEWER).body("{\"size_u\":2}").patch(WIDGETS + "/" + id).then().statusCode(403);
        as(EDITOR).delete(WIDGETS + "/" + id).then().statusCode(403).contentType("application/problem+json");
        as(EDITOR).get(WIDGETS + "/count/admin").then().statusCode(403).contentType("application/problem+json");
        as(VIEWER).get(WIDGETS + "/count").then().statusCode(200);
        as(ADMIN).get(WIDGETS + "/count/admin").then().statusCode(200);
        as(ADMIN).delete(WIDGETS + "/" + id).then().statusCode(204);
    }

    @Test
    void answersAreJsonAndListsTakeTheKernelsFilters() {
        String name = "w-" + UUID.randomUUID();
        long id = create(name);
        as(VIEWER)
                .get(WIDGETS + "/" + id)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .header("ETag", "\"0\"")
                .body("name", equalTo(name));
        as(VIEWER)
                .queryParam("id", id)
                .queryParam("created_at__gte", "2000-01-01")
                .queryParam("updated_at__lte", "2999-01-01T00:00:00Z")
                .queryParam("ordering", "-created_at,updated_at")
                .get(WIDGETS)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("results.name", contains(name));
        as(VIEWER).queryParam("created_at", "yesterday").get(WIDGETS).then().statusCode(400);
    }

    @Test
    void refusesTakenValuesAndDeletesWhileTheKindsReferencesCount() {
        String name = "w-" + UUID.randomUUID();
        String upper = name.toUpperCase(Locale.ROOT);
        long id = create(name);
        as(EDITOR)
                .body("{\"name\":\"" + upper + "\",\"size_u\":1}")
                .post(WIDGETS)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("a widget named " + upper + " exists already"));
        as(EDITOR)
                .header("If-Match", "\"0\"")
                .body("{\"name\":\"" + upper + "\",\"size_u\":3}")
                .put(WIDGETS + "/" + id)
                .then()
                .statusCode(200);
        long part = create(upper + "/fan");
        as(ADMIN)
                .delete(WIDGETS + "/" + id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("widget " + upper + " has 1 part(s)"));
        as(ADMIN).get(WIDGETS + "/" + id).then().statusCode(200);
        as(ADMIN).delete(WIDGETS + "/" + part).then().statusCode(204);
        as(ADMIN).delete(WIDGETS + "/" + id).then().statusCode(204);
    }
}
