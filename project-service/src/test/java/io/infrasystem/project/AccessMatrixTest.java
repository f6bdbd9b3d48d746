package io.infrasystem.project;

import static io.infrasystem.project.Fixtures.ADMIN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.infrasystem.commons.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The BOLA matrix: two non-admin users with different assignments (alice: a viewer on project A,
 * bob: an editor on project B) and an administrator, against every endpoint that takes an id, every
 * list filter naming one, the CSV exports and the audit log. Every cross-assignment read is a 404
 * exactly like an id that does not exist; every write by a non-admin is a 403 whatever the id; lists,
 * counts and exports hold only assigned rows. API keys act for their owner's assignments.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.Postgres.class)
class AccessMatrixTest {

    static final long MISSING = 987_654_321L;

    /** What each side owns: ids by resource collection. */
    record Side(
            String user,
            String token,
            long client,
            String clientName,
            long project,
            String projectName,
            long instance,
            long assignment) {

        /** @return a text that the side's row of the collection's CSV export holds */
        String marker(String collection) {
            return collection.equals("clients") ? clientName : projectName;
        }

        Map<String, Long> ids() {
            return Map.of("clients", client, "projects", project, "instances", instance, "assignments", assignment);
        }
    }

    private static Side alice;
    private static Side bob;

    private static synchronized void setUp() {
        if (alice != null) {
            return;
        }
        alice = side(Fixtures.unique("alice"), true);
        bob = side(Fixtures.unique("bob"), false);
    }

    private static Side side(String user, boolean viewer) {
        String clientName = Fixtures.unique("client-of-" + user);
        long client = Fixtures.client(clientName);
        String projectName = Fixtures.unique("project-of-" + user);
        long project = Fixtures.project(client, projectName);
        long instance = Fixtures.instance(project, "prod", "production");
        long assignment = Fixtures.assign(project, user);
        return new Side(
                user,
                viewer ? Fixtures.viewer(user) : Fixtures.editor(user),
                client,
                clientName,
                project,
                projectName,
                instance,
                assignment);
    }

    @Test
    void everyCrossAssignmentReadIsA404LikeAMissingId() {
        setUp();
        for (Side[] pair : new Side[][] {{alice, bob}, {bob, alice}}) {
            Side caller = pair[0];
            Side other = pair[1];
            for (var own : caller.ids().entrySet()) {
                given().header("Authorization", caller.token())
                        .when()
                        .get("/api/project/" + own.getKey() + "/" + own.getValue())
                        .then()
                        .statusCode(200);
            }
            for (var foreign : other.ids().entrySet()) {
                String missing = given().header("Authorization", caller.token())
                        .when()
                        .get("/api/project/" + foreign.getKey() + "/" + MISSING)
                        .then()
                        .statusCode(404)
                        .extract()
                        .path("title");
                given().header("Authorization", caller.token())
                        .when()
                        .get("/api/project/" + foreign.getKey() + "/" + foreign.getValue())
                        .then()
                        .statusCode(404)
                        .contentType("application/problem+json")
                        .body("title", equalTo(missing));
                given().header("Authorization", ADMIN)
                        .when()
                        .get("/api/project/" + foreign.getKey() + "/" + foreign.getValue())
                        .then()
                        .statusCode(200);
            }
        }
    }

    @Test
    void everyWriteByANonAdminIs403WhateverTheId() {
        setUp();
        for (Side caller : List.of(alice, bob)) {
            for (Side target : List.of(alice, bob)) {
                for (var id : target.ids().entrySet()) {
                    String path = "/api/project/" + id.getKey() + "/" + id.getValue();
                    given().header("Authorization", caller.token())
                            .contentType("application/merge-patch+json")
                            .body("{\"notes\": \"x\"}")
                            .when()
                            .patch(path)
                            .then()
                            .statusCode(403);
                    given().header("Authorization", caller.token())
                            .contentType(ContentType.JSON)
                            .body("{}")
                            .when()
                            .put(path)
                            .then()
                            .statusCode(403);
                    given().header("Authorization", caller.token())
                            .header("X-Confirm-Instance", "prod")
                            .when()
                            .delete(path)
                            .then()
                            .statusCode(403);
                }
                given().header("Authorization", caller.token())
                        .contentType(ContentType.JSON)
                        .body("{\"project_id\": " + target.project() + ", \"username\": \"" + caller.user() + "-2\"}")
                        .when()
                        .post("/api/project/assignments")
                        .then()
                        .statusCode(403);
            }
        }
        for (var id : alice.ids().entrySet()) {
            given().header("Authorization", ADMIN)
                    .when()
                    .get("/api/project/" + id.getKey() + "/" + id.getValue())
                    .then()
                    .statusCode(200)
                    .body("version", equalTo(0));
        }
    }

    @Test
    void listsCountsAndFiltersHoldOnlyAssignedRows() {
        setUp();
        String token = alice.token();
        assertThat(ids(token, "/api/project/projects", Map.of())).containsExactly(alice.project());
        assertThat(ids(token, "/api/project/instances", Map.of())).containsExactly(alice.instance());
        assertThat(ids(token, "/api/project/assignments", Map.of())).containsExactly(alice.assignment());
        assertThat(ids(token, "/api/project/clients", Map.of())).containsExactly(alice.client());
        // filters naming bob's rows find nothing (count 0), exactly as unknown values would
        assertThat(ids(token, "/api/project/projects", Map.of("id", bob.project())))
                .isEmpty();
        assertThat(ids(token, "/api/project/projects", Map.of("client_id", bob.client())))
                .isEmpty();
        assertThat(ids(token, "/api/project/projects", Map.of("q", bob.projectName())))
                .isEmpty();
        assertThat(ids(token, "/api/project/instances", Map.of("project_id", bob.project())))
                .isEmpty();
        assertThat(ids(token, "/api/project/instances", Map.of("project", bob.projectName())))
                .isEmpty();
        assertThat(ids(token, "/api/project/instances", Map.of("type", "production")))
                .containsExactly(alice.instance());
        assertThat(ids(token, "/api/project/assignments", Map.of("username", bob.user())))
                .isEmpty();
        assertThat(ids(token, "/api/project/clients", Map.of("name", bob.clientName())))
                .isEmpty();
        // the administrator sees both
        assertThat(ids(ADMIN, "/api/project/instances", Map.of("project_id", bob.project())))
                .containsExactly(bob.instance());
        assertThat(ids(ADMIN, "/api/project/clients", Map.of("name", alice.clientName())))
                .containsExactly(alice.client());
    }

    @Test
    void exportsHoldOnlyAssignedRows() {
        setUp();
        for (String collection : List.of("projects", "instances", "clients")) {
            String all = csv(alice.token(), collection, Map.of());
            String filtered =
                    csv(alice.token(), collection, Map.of("id", bob.ids().get(collection)));
            assertThat(all.lines().count()).as(collection).isEqualTo(2);
            assertThat(all).contains(alice.marker(collection)).doesNotContain(bob.marker(collection));
            assertThat(filtered.lines().count()).as(collection).isEqualTo(1);
            assertThat(csv(ADMIN, collection, Map.of("id", bob.ids().get(collection))))
                    .contains(bob.marker(collection));
        }
    }

    @Test
    void theAuditLogIsForAdministratorsOnly() {
        setUp();
        for (Side caller : List.of(alice, bob)) {
            given().header("Authorization", caller.token())
                    .queryParam("resource_type", "project")
                    .queryParam("resource_id", alice.project())
                    .when()
                    .get("/api/project/audit")
                    .then()
                    .statusCode(403);
            given().header("Authorization", caller.token())
                    .when()
                    .get("/api/project/audit/1")
                    .then()
                    .statusCode(403);
        }
        given().header("Authorization", ADMIN)
                .queryParam("resource_type", "project")
                .queryParam("resource_id", bob.project())
                .when()
                .get("/api/project/audit")
                .then()
                .statusCode(200)
                .body("count", equalTo(1))
                .body("results[0].actor", equalTo("root"));
    }

    @Test
    void anApiKeyActsForItsOwnersAssignmentsAndWithoutAnOwnerSeesNothing() {
        setUp();
        String key = Fixtures.apiKey("alice-report", alice.user());
        assertThat(ids(key, "/api/project/projects", Map.of())).containsExactly(alice.project());
        given().header("Authorization", key)
                .when()
                .get("/api/project/instances/" + alice.instance())
                .then()
                .statusCode(200);
        given().header("Authorization", key)
                .when()
                .get("/api/project/instances/" + bob.instance())
                .then()
                .statusCode(404);
        given().header("Authorization", key)
                .contentType("application/merge-patch+json")
                .body("{\"notes\": \"x\"}")
                .when()
                .patch("/api/project/instances/" + alice.instance())
                .then()
                .statusCode(403);

        String ownerless = Fixtures.apiKey("orphan", null);
        assertThat(ids(ownerless, "/api/project/projects", Map.of())).isEmpty();
        given().header("Authorization", ownerless)
                .when()
                .get("/api/project/projects/" + alice.project())
                .then()
                .statusCode(404);
    }

    private static List<Long> ids(String token, String path, Map<String, ?> query) {
        List<Number> found = given().header("Authorization", token)
                .queryParams(query)
                .queryParam("limit", 1000)
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .path("results.id");
        int count = given().header("Authorization", token)
                .queryParams(query)
                .when()
                .get(path)
                .then()
                .extract()
                .path("count");
        assertThat(count).isEqualTo(found.size());
        return found.stream().map(Number::longValue).toList();
    }

    private static String csv(String token, String collection, Map<String, ?> query) {
        return given().header("Authorization", token)
                .queryParams(query)
                .when()
                .get("/api/project/" + collection + "/export.csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }
}
