package io.infrasystem.inventory;

import static io.infrasystem.inventory.Api.ADMIN;
import static io.infrasystem.inventory.Api.EDITOR;
import static io.infrasystem.inventory.Api.VIEWER;
import static io.infrasystem.inventory.Api.as;
import static io.infrasystem.inventory.Api.editorWrites;
import static io.infrasystem.inventory.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.infrasystem.commons.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.MariaDb.class)
class AssetTest {

    @Test
    void assetKeepsAllItsFieldsAndTakesSiteFromItsRack() {
        long site = Api.site();
        long rack = Api.rack(site, 42);
        long model = Api.model(Api.manufacturer(), "1", true);
        String tag = unique("AT");
        long id = Api.asset(
                model,
                "\"asset_tag\":\"" + tag + "\",\"serial\":\"SN1\",\"rack_id\":" + rack
                        + ",\"position\":5,\"face\":\"front\",\"mgmt_ip\":\"10.0.0.5\",\"other_ips\":[\"2001:db8::1\"],"
                        + "\"tags\":[\"prod\",\"db\"],\"custom_fields\":{\"cost_center\":\"IT-42\",\"cores\":32},"
                        + "\"purchase_date\":\"2024-01-15\",\"warranty_end\":\"2027-01-15\",\"owner\":\"ops\"");
        as(VIEWER)
                .get("/api/inventory/assets/" + id)
                .then()
                .statusCode(200)
                .body("site_id", equalTo((int) site))
                .body("position", equalTo(5.0f))
                .body("tags", org.hamcrest.Matchers.contains("db", "prod"))
                .body("custom_fields.cores", equalTo(32))
                .body("other_ips[0]", equalTo("2001:db8::1"))
                .body("status", equalTo("active"))
                .body("u_height", equalTo(1.0f));
    }

    @Test
    void assetTagIsUniqueAndSerialIsUniquePerManufacturer() {
        long makerA = Api.manufacturer();
        long modelA = Api.model(makerA, "1", true);
        long modelA2 = Api.model(makerA, "2", true);
        long modelB = Api.model(Api.manufacturer(), "1", true);
        String tag = unique("AT");
        String serial = unique("SN");
        Api.asset(modelA, "\"asset_tag\":\"" + tag + "\",\"serial\":\"" + serial + "\"");
        editorWrites(
                        "POST",
                        "/api/inventory/assets",
                        "{\"model_id\":" + modelA + ",\"status\":\"active\",\"asset_tag\":\"" + tag + "\"}")
                .statusCode(409)
                .body("errors.field", hasItem("asset_tag"));
        editorWrites(
                        "POST",
                        "/api/inventory/assets",
                        "{\"model_id\":" + modelA2 + ",\"status\":\"active\",\"serial\":\"" + serial + "\"}")
                .statusCode(409)
                .body("errors.field", hasItem("serial"))
                .body("detail", containsString(serial));
        editorWrites(
                        "POST",
                        "/api/inventory/assets",
                        "{\"model_id\":" + modelB + ",\"status\":\"active\",\"serial\":\"" + serial + "\"}")
                .statusCode(201);
    }

    @Test
    void badFieldsAreListedTogether() {
        long model = Api.model(Api.manufacturer(), "1", true);
        as(EDITOR)
                .body("{\"model_id\":" + model
                        + ",\"status\":\"active\",\"mgmt_ip\":\"10.0.0.300\",\"other_ips\":[\"x\"],"
                        + "\"purchase_date\":\"2025-01-01\",\"warranty_end\":\"2024-01-01\"}")
                .post("/api/inventory/assets")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("mgmt_ip", "other_ips[0]", "warranty_end"));
        editorWrites("POST", "/api/inventory/assets", "{\"model_id\":" + model + ",\"status\":\"retired\"}")
                .statusCode(400);
        editorWrites(
                        "POST",
                        "/api/inventory/assets",
                        "{\"model_id\":" + model + ",\"status\":\"active\",\"custom_fields\":{\"nested\":{\"a\":1}}}")
                .statusCode(400)
                .body("errors.field", hasItem("custom_fields.nested"));
    }

    @Test
    void listsFilterByTagStatusRelationAndText() {
        long maker = Api.manufacturer();
        long model = Api.model(maker, "1", true);
        String tag = unique("tag");
        long a = Api.asset(model, "\"tags\":[\"" + tag + "\"],\"owner\":\"team-x\"");
        long b = Api.asset(model, "\"tags\":[\"" + tag + "\"],\"notes\":\"spare\"");
        editorWrites("PATCH", "/api/inventory/assets/" + b, "{\"status\":\"offline\"}")
                .statusCode(200);
        List<Integer> ids = as(VIEWER)
                .get("/api/inventory/assets?tag=" + tag + "&status__n=offline")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("results.id");
        assertThat(ids).containsExactly((int) a);
        as(VIEWER)
                .get("/api/inventory/assets?manufacturer_id=" + maker + "&q=SPARE")
                .then()
                .body("results.id", org.hamcrest.Matchers.contains((int) b));
        as(VIEWER)
                .get("/api/inventory/assets?manufacturer_id=" + maker + "&category=server")
                .then()
                .body("count", equalTo(2));
        as(VIEWER).get("/api/inventory/assets?status=lost").then().statusCode(400);
    }

    @Test
    void deletingAnAssetIsForAdmins() {
        long id = Api.asset(Api.model(Api.manufacturer(), "1", true), "");
        as(EDITOR).delete("/api/inventory/assets/" + id).then().statusCode(403);
        as(ADMIN).delete("/api/inventory/assets/" + id).then().statusCode(204);
        as(VIEWER).get("/api/inventory/audit").then().statusCode(403);
        as(ADMIN)
                .get("/api/inventory/audit?resource_type=asset&resource_id=" + id)
                .then()
                .statusCode(200)
                .body("results.action", org.hamcrest.Matchers.containsInAnyOrder("created", "deleted"));
    }
}
