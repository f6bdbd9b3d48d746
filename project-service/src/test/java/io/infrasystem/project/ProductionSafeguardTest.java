package io.infrasystem.project;

import static io.infrasystem.project.Fixtures.ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.infrasystem.commons.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Deactivating, retyping, moving or deleting a project's active production instance needs an
 * administrator and {@code X-Confirm-Instance} carrying the instance's name; other instances need
 * neither confirmation.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.Postgres.class)
class ProductionSafeguardTest {

    @Test
    void deactivatingTheActiveProductionInstanceNeedsItsNameInTheConfirmationHeader() {
        long project = Fixtures.project(Fixtures.unique("ERP"));
        long prod = Fixtures.instance(project, "acme-prod", "production");
        patch(prod, "{\"status\": \"inactive\"}", null)
                .statusCode(428)
                .contentType("application/problem+json")
                .body("detail", containsString("X-Confirm-Instance"));
        patch(prod, "{\"status\": \"inactive\"}", "acme-staging").statusCode(428);
        given().header("Authorization", ADMIN)
                .when()
                .get("/api/project/instances/" + prod)
                .then()
                .body("status", equalTo("active"))
                .body("version", equalTo(0));
        patch(prod, "{\"status\": \"inactive\"}", "acme-prod").statusCode(200).body("status", equalTo("inactive"));
        // no longer the active production instance: no confirmation needed
        patch(prod, "{\"status\": \"archived\"}", null).statusCode(200);
    }

    @Test
    void retypingOrMovingTheActiveProductionInstanceNeedsConfirmation() {
        long project = Fixtures.project(Fixtures.unique("ERP"));
        long elsewhere = Fixtures.project(Fixtures.unique("ERP"));
        long prod = Fixtures.instance(project, "acme-prod", "production");
        patch(prod, "{\"type\": \"staging\"}", null).statusCode(428).body("detail", containsString("retype"));
        patch(prod, "{\"project_id\": " + elsewhere + "}", null).statusCode(428).body("detail", containsString("move"));
        patch(prod, "{\"notes\": \"backups nightly\"}", null).statusCode(200);
        patch(prod, "{\"type\": \"staging\"}", "acme-prod").statusCode(200).body("type", equalTo("staging"));
    }

    @Test
    void deletingTheActiveProductionInstanceNeedsConfirmationOthersDoNot() {
        long project = Fixtures.project(Fixtures.unique("ERP"));
        long prod = Fixtures.instance(project, "acme-prod", "production");
        long dev = Fixtures.instance(project, "acme-dev", "development");
        given().header("Authorization", ADMIN)
                .when()
                .delete("/api/project/instances/" + prod)
                .then()
                .statusCode(428);
        given().header("Authorization", ADMIN)
                .header("X-Confirm-Instance", "ACME-PROD")
                .when()
                .delete("/api/project/instances/" + prod)
                .then()
                .statusCode(428);
        given().header("Authorization", ADMIN)
                .when()
                .delete("/api/project/instances/" + dev)
                .then()
                .statusCode(204);
        given().header("Authorization", ADMIN)
                .header("X-Confirm-Instance", "acme-prod")
                .when()
                .delete("/api/project/instances/" + prod)
                .then()
                .statusCode(204);
    }

    @Test
    void aNonAdminCannotChangeAnInstanceEvenWithTheConfirmation() {
        long project = Fixtures.project(Fixtures.unique("ERP"));
        long prod = Fixtures.instance(project, "acme-prod", "production");
        Fixtures.assign(project, "eddie");
        given().header("Authorization", Fixtures.editor("eddie"))
                .header("X-Confirm-Instance", "acme-prod")
                .when()
                .delete("/api/project/instances/" + prod)
                .then()
                .statusCode(403);
        given().header("Authorization", Fixtures.editor("eddie"))
                .header("X-Confirm-Instance", "acme-prod")
                .contentType("application/merge-patch+json")
                .body("{\"status\": \"inactive\"}")
                .when()
                .patch("/api/project/instances/" + prod)
                .then()
                .statusCode(403);
        given().header("Authorization", ADMIN)
                .when()
                .get("/api/project/instances/" + prod)
                .then()
                .body("status", equalTo("active"));
    }

    private static io.restassured.response.ValidatableResponse patch(long id, String body, String confirmation) {
        var request = given().header("Authorization", ADMIN).contentType("application/merge-patch+json");
        if (confirmation != null) {
            request = request.header("X-Confirm-Instance", confirmation);
        }
        return request.body(body).when().patch("/api/project/instances/" + id).then();
    }
}
