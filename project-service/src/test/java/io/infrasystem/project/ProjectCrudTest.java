package io.infrasystem.project;

import static io.infrasystem.project.Fixtures.ADMIN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.infrasystem.commons.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Clients, projects, instances and assignments with the suite's CRUD conventions. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.Postgres.class)
class ProjectCrudTest {

    @Test
    void clientCreateAnswers201WithLocationAndEtagAndRefusesADuplicateName() {
        String name = Fixtures.unique("Acme");
        var created = given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"name\": \"" + name
                        + "\", \"contact_name\": \"Ann\", \"contact_phone\": \"+41 44 000 00 00\"}")
                .when()
                .post("/api/project/clients")
                .then()
                .statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("name", equalTo(name))
                .body("contact_name", equalTo("Ann"))
                .extract();
        long id = ((Number) created.path("id")).longValue();
        assertThat(created.header("Location")).endsWith("/api/project/clients/" + id);

        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"name\": \"" + name.toUpperCase() + "\"}")
                .when()
                .post("/api/project/clients")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("exists already"));
    }

    @Test
    void projectPatchIsAMergePatchAndAStaleIfMatchIs412() {
        long client = Fixtures.client(Fixtures.unique("client"));
        long project = Fixtures.project(client, Fixtures.unique("ERP"));
        given().header("Authorization", ADMIN)
                .header("If-Match", "\"0\"")
                .contentType("application/merge-patch+json")
                .body("{\"status\": \"on_hold\", \"code\": \"P-" + project + "\"}")
                .when()
                .patch("/api/project/projects/" + project)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("status", equalTo("on_hold"))
                .body("client_id", equalTo((int) client));
        given().header("Authorization", ADMIN)
                .header("If-Match", "\"0\"")
                .contentType("application/merge-patch+json")
                .body("{\"description\": \"late\"}")
                .when()
                .patch("/api/project/projects/" + project)
                .then()
                .statusCode(412);
        given().header("Authorization", ADMIN)
                .queryParam("status", "on_hold")
                .queryParam("client_id", client)
                .when()
                .get("/api/project/projects")
                .then()
                .statusCode(200)
                .body("count", equalTo(1))
                .body("results[0].id", equalTo((int) project));
    }

    @Test
    void invalidInputIsA400NamingTheFields() {
        long project = Fixtures.project(Fixtures.unique("ERP"));
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"project_id\": " + project
                        + ", \"name\": \"x\", \"type\": \"production\", \"url\": \"ftp://x\","
                        + " \"host_ref\": \"vm:disk:3\"}")
                .when()
                .post("/api/project/instances")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("url", "host_ref"));
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"project_id\": " + project + ", \"name\": \"x\", \"type\": \"QA\"}")
                .when()
                .post("/api/project/instances")
                .then()
                .statusCode(400);
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"project_id\": 999999999, \"name\": \"x\", \"type\": \"staging\"}")
                .when()
                .post("/api/project/instances")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("project_id"));
        given().header("Authorization", ADMIN)
                .queryParam("type", "qa")
                .when()
                .get("/api/project/instances")
                .then()
                .statusCode(400);
    }

    @Test
    void instanceTypeIsAcceptedInTheSeedsUpperCaseAndShownLowerCase() {
        long project = Fixtures.project(Fixtures.unique("ERP"));
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"project_id\": " + project + ", \"name\": \"prod\", \"type\": \"PRODUCTION\","
                        + " \"odoo_edition\": \"enterprise\", \"host_ref\": \"vm:vm:1234\"}")
                .when()
                .post("/api/project/instances")
                .then()
                .statusCode(201)
                .body("type", equalTo("production"))
                .body("status", equalTo("active"))
                .body("project_id", equalTo((int) project))
                .body("host_ref", equalTo("vm:vm:1234"));
    }

    @Test
    void aProjectWithInstancesOrMembersAndAClientWithProjectsCannotBeDeleted() {
        long client = Fixtures.client(Fixtures.unique("client"));
        long project = Fixtures.project(client, Fixtures.unique("ERP"));
        long instance = Fixtures.instance(project, Fixtures.unique("dev"), "development");
        long assignment = Fixtures.assign(project, "someone");
        given().header("Authorization", ADMIN)
                .when()
                .delete("/api/project/clients/" + client)
                .then()
                .statusCode(409)
                .body("detail", containsString("1 project(s)"));
        given().header("Authorization", ADMIN)
                .when()
                .delete("/api/project/projects/" + project)
                .then()
                .statusCode(409)
                .body("detail", containsString("1 instance(s)"));
        given().header("Authorization", ADMIN)
                .when()
                .delete("/api/project/instances/" + instance)
                .then()
                .statusCode(204);
        given().header("Authorization", ADMIN)
                .when()
                .delete("/api/project/projects/" + project)
                .then()
                .statusCode(409)
                .body("detail", containsString("assigned user"));
        given().header("Authorization", ADMIN)
                .when()
                .delete("/api/project/assignments/" + assignment)
                .then()
                .statusCode(204);
        given().header("Authorization", ADMIN)
                .when()
                .delete("/api/project/projects/" + project)
                .then()
                .statusCode(204);
        given().header("Authorization", ADMIN)
                .when()
                .delete("/api/project/clients/" + client)
                .then()
                .statusCode(204);
        given().header("Authorization", ADMIN)
                .when()
                .get("/api/project/clients/" + client)
                .then()
                .statusCode(404);
    }

    @Test
    void assignmentsRecordWhoAssignedAndRefuseADuplicate() {
        long project = Fixtures.project(Fixtures.unique("ERP"));
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"project_id\": " + project + ", \"username\": \"carol\", \"user_subject\": \"3f2a\"}")
                .when()
                .post("/api/project/assignments")
                .then()
                .statusCode(201)
                .body("assigned_by", equalTo("root"))
                .body("username", equalTo("carol"))
                .body("assigned_at", org.hamcrest.Matchers.notNullValue());
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"project_id\": " + project + ", \"username\": \"carol\"}")
                .when()
                .post("/api/project/assignments")
                .then()
                .statusCode(409);
    }

    @Test
    void exportedCellsNeverRunAsSpreadsheetFormulas() throws Exception {
        String name = "=HYPERLINK(\\\"http://x.invalid\\\")-" + Fixtures.unique("c");
        Fixtures.client(name);
        String csv = given().header("Authorization", ADMIN)
                .queryParam("name", name.replace("\\", ""))
                .when()
                .get("/api/project/clients/export.csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<CSVRecord> rows = records(csv);
        // OWASP CSV injection: a leading ' makes the spreadsheet show the text instead of running it
        assertThat(rows).extracting(r -> r.get("name")).containsExactly("'" + name.replace("\\", ""));
    }

    @Test
    void instancesExportAsCsvWithTheListsFilters() throws Exception {
        long project = Fixtures.project(Fixtures.unique("ERP"));
        Fixtures.instance(project, "alpha", "staging");
        Fixtures.instance(project, "beta, gamma", "development");
        String csv = given().header("Authorization", ADMIN)
                .queryParam("project_id", project)
                .queryParam("ordering", "-name")
                .when()
                .get("/api/project/instances/export.csv")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", endsWith("filename=\"instances.csv\""))
                .extract()
                .asString();
        List<CSVRecord> rows = records(csv);
        assertThat(rows).extracting(r -> r.get("name")).containsExactly("beta, gamma", "alpha");
        assertThat(rows).extracting(r -> r.get("type")).containsExactly("development", "staging");
        assertThat(rows).extracting(r -> r.get("project_id")).containsOnly(Long.toString(project));
        given().header("Authorization", ADMIN)
                .queryParam("colour", "red")
                .when()
                .get("/api/project/instances/export.csv")
                .then()
                .statusCode(400);
    }

    /** @return the records of a CSV export, by its header row */
    private static List<CSVRecord> records(String csv) throws java.io.IOException {
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new java.io.StringReader(csv))
                .getRecords();
    }
}
