package io.infrasystem.inventory;

import static io.infrasystem.inventory.Api.ADMIN;
import static io.infrasystem.inventory.Api.EDITOR;
import static io.infrasystem.inventory.Api.VIEWER;
import static io.infrasystem.inventory.Api.as;
import static io.infrasystem.inventory.Api.editorWrites;
import static io.infrasystem.inventory.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.infrasystem.commons.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.MariaDb.class)
class CatalogCrudTest {

    @Test
    void everyListFiltersSearchesAndOrdersByItsFields() {
        long site = Api.site();
        String siteName =
                as(VIEWER).get("/api/inventory/sites/" + site).then().extract().path("name");
        for (String list : List.of(
                "sites?name=" + siteName + "&ordering=-name",
                "manufacturers?q=x&ordering=name",
                "device-types?ordering=-name",
                "models?ordering=-u_height",
                "racks?site_id=" + site + "&ordering=name",
                "assets?site_id=" + site + "&ordering=-id",
                "storage-arrays?site_id=" + site + "&ordering=name",
                "maintenance-windows?site_id=" + site + "&ordering=-starts_at")) {
            as(VIEWER).get("/api/inventory/" + list).then().statusCode(200).body("count", greaterThanOrEqualTo(0));
        }
        as(VIEWER).get("/api/inventory/sites?name=" + siteName).then().body("results.id", contains((int) site));
        as(VIEWER).get("/api/inventory/manufacturers?colour=red").then().statusCode(400);
    }

    @Test
    void viewerReadsEditorWritesOnlyAdminDeletes() {
        String name = unique("Site");
        as(VIEWER)
                .body("{}")
                .post("/api/inventory/sites")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
        as(VIEWER)
                .body("{\"status\":\"active\"}")
                .patch("/api/inventory/sites/1")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        as(VIEWER)
                .body("{\"name\":\"" + name + "\",\"status\":\"active\"}")
                .post("/api/inventory/sites")
                .then()
                .statusCode(403);
        long id = editorWrites("POST", "/api/inventory/sites", "{\"name\":\"" + name + "\",\"status\":\"active\"}")
                .statusCode(201)
                .body("slug", equalTo(name.toLowerCase()))
                .extract()
                .jsonPath()
                .getLong("id");
        as(VIEWER).get("/api/inventory/sites/" + id).then().statusCode(200).body("name", equalTo(name));
        as(EDITOR).delete("/api/inventory/sites/" + id).then().statusCode(403);
        as(ADMIN).delete("/api/inventory/sites/" + id).then().statusCode(204);
        as(VIEWER).get("/api/inventory/sites/" + id).then().statusCode(404).contentType("application/problem+json");
        io.restassured.RestAssured.given().get("/api/inventory/sites").then().statusCode(401);
    }

    @Test
    void staleIfMatchIsRefusedWith412AndNothingChanges() {
        long id = Api.site();
        String etag = as(VIEWER)
                .get("/api/inventory/sites/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        assertThat(etag).isEqualTo("\"0\"");
        as(EDITOR)
                .header("If-Match", etag)
                .body("{\"description\":\"first\"}")
                .patch("/api/inventory/sites/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("description", equalTo("first"));
        as(EDITOR)
                .header("If-Match", etag)
                .body("{\"description\":\"second\"}")
                .patch("/api/inventory/sites/" + id)
                .then()
                .statusCode(412);
        as(VIEWER).get("/api/inventory/sites/" + id).then().body("description", equalTo("first"));
    }

    @Test
    void mergePatchRejectsUnknownFieldsAndBadValues() {
        long id = Api.site();
        editorWrites("PATCH", "/api/inventory/sites/" + id, "{\"colour\":\"red\"}")
                .statusCode(400)
                .body("errors.field", hasItem("colour"));
        editorWrites("PATCH", "/api/inventory/sites/" + id, "{\"time_zone\":\"Mars/Olympus\"}")
                .statusCode(400)
                .body("errors.field", hasItem("time_zone"));
        editorWrites("PATCH", "/api/inventory/sites/" + id, "{\"name\":null}")
                .statusCode(400)
                .body("errors.field", hasItem("name"));
    }

    @Test
    void duplicateSiteNameIsConflict() {
        String name = unique("Dup");
        editorWrites("POST", "/api/inventory/sites", "{\"name\":\"" + name + "\",\"status\":\"active\"}")
                .statusCode(201);
        editorWrites("POST", "/api/inventory/sites", "{\"name\":\"" + name + "\",\"status\":\"planned\"}")
                .statusCode(409);
    }

    @Test
    void rackListsFilterNetBoxStyle() {
        long site = Api.site();
        long small = Api.rack(site, 12);
        long big = Api.rack(site, 48);
        List<Integer> ids = as(VIEWER)
                .get("/api/inventory/racks?site_id=" + site + "&u_height__gte=40")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("results.id");
        assertThat(ids).containsExactly((int) big);
        String siteSlug =
                as(VIEWER).get("/api/inventory/sites/" + site).then().extract().path("slug");
        assertThat(as(VIEWER)
                        .get("/api/inventory/racks?site=" + siteSlug + "&ordering=-u_height")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .<Integer>getList("results.id"))
                .containsExactly((int) big, (int) small);
        as(VIEWER)
                .get("/api/inventory/racks?site_id=" + site + "&status__n=active")
                .then()
                .body("count", equalTo(0));
        as(VIEWER)
                .get("/api/inventory/racks?colour=red")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("colour"));
        as(VIEWER)
                .get("/api/inventory/racks?site_id=" + site + "&limit=1")
                .then()
                .body("count", equalTo(2))
                .body("results.size()", equalTo(1));
    }

    @Test
    void rackRejectsBadShape() {
        long site = Api.site();
        editorWrites(
                        "POST",
                        "/api/inventory/racks",
                        "{\"site_id\":" + site + ",\"name\":\"x\",\"status\":\"active\",\"u_height\":0}")
                .statusCode(400)
                .body("errors.field", hasItem("u_height"));
        editorWrites(
                        "POST",
                        "/api/inventory/racks",
                        "{\"site_id\":" + site + ",\"name\":\"x\",\"status\":\"active\",\"width_in\":17}")
                .statusCode(400)
                .body("errors.field", hasItem("width_in"));
        editorWrites("POST", "/api/inventory/racks", "{\"site_id\":999999,\"name\":\"x\",\"status\":\"active\"}")
                .statusCode(400)
                .body("errors.field", hasItem("site_id"));
        editorWrites("POST", "/api/inventory/racks", "{\"site_id\":" + site + ",\"name\":\"x\",\"status\":\"broken\"}")
                .statusCode(400);
    }

    @Test
    void modelHeightsComeInHalfUnitsIncludingZeroAndEndOfSupportMayBeUnknown() {
        long maker = Api.manufacturer();
        long type = Api.deviceType("pdu");
        as(EDITOR)
                .body("{\"manufacturer_id\":" + maker + ",\"device_type_id\":" + type
                        + ",\"name\":\"PDU\",\"u_height\":0}")
                .post("/api/inventory/models")
                .then()
                .statusCode(201)
                .body("u_height", equalTo(0.0f))
                .body("end_of_support", nullValue())
                .body("category", equalTo("pdu"));
        as(EDITOR)
                .body("{\"manufacturer_id\":" + maker + ",\"device_type_id\":" + type
                        + ",\"name\":\"Half\",\"u_height\":0.5}")
                .post("/api/inventory/models")
                .then()
                .statusCode(201)
                .body("u_height", equalTo(0.5f));
        as(EDITOR)
                .body("{\"manufacturer_id\":" + maker + ",\"device_type_id\":" + type
                        + ",\"name\":\"Odd\",\"u_height\":1.25}")
                .post("/api/inventory/models")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("u_height"));
        as(EDITOR)
                .body("{\"manufacturer_id\":" + maker + ",\"device_type_id\":" + type
                        + ",\"name\":\"Dated\",\"end_of_sale\":\"2027-01-01\",\"end_of_support\":\"2026-01-01\"}")
                .post("/api/inventory/models")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("end_of_support"));
        as(VIEWER)
                .get("/api/inventory/models?manufacturer_id=" + maker + "&u_height__lt=1&ordering=u_height")
                .then()
                .statusCode(200)
                .body("results.name", org.hamcrest.Matchers.contains("PDU", "Half"));
        as(VIEWER)
                .get("/api/inventory/models?manufacturer_id=" + maker + "&end_of_support__empty=true")
                .then()
                .body("count", equalTo(2));
    }

    @Test
    void referencedRowsCannotBeDeleted() {
        long site = Api.site();
        Api.rack(site, 42);
        as(ADMIN)
                .delete("/api/inventory/sites/" + site)
                .then()
                .statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("1 rack"));
    }
}
