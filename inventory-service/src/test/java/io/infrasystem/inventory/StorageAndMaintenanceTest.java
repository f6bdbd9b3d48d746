package io.infrasystem.inventory;

import static io.infrasystem.inventory.Api.ADMIN;
import static io.infrasystem.inventory.Api.EDITOR;
import static io.infrasystem.inventory.Api.VIEWER;
import static io.infrasystem.inventory.Api.as;
import static io.infrasystem.inventory.Api.editorWrites;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.infrasystem.commons.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.MariaDb.class)
class StorageAndMaintenanceTest {

    @Test
    void storageArrayKeepsUsedWithinTotalAndReportsTheShare() {
        long site = Api.site();
        long id = Api.post(
                "/api/inventory/storage-arrays",
                "{\"site_id\":" + site
                        + ",\"name\":\"bay-1\",\"total_tb\":120.5,\"used_tb\":30.125,\"status\":\"active\"}");
        as(VIEWER).get("/api/inventory/storage-arrays/" + id).then().body("used_percent", equalTo(25.0f));
        editorWrites("PATCH", "/api/inventory/storage-arrays/" + id, "{\"used_tb\":121}")
                .statusCode(400)
                .body("errors.field", hasItem("used_tb"));
        editorWrites(
                        "POST",
                        "/api/inventory/storage-arrays",
                        "{\"site_id\":" + site + ",\"name\":\"bay-2\",\"total_tb\":-1,\"status\":\"active\"}")
                .statusCode(400)
                .body("errors.field", hasItem("total_tb"));
        as(VIEWER)
                .get("/api/inventory/storage-arrays?site_id=" + site + "&used_tb__gte=30")
                .then()
                .body("count", equalTo(1));
        as(ADMIN).delete("/api/inventory/storage-arrays/" + id).then().statusCode(204);
    }

    @Test
    void maintenanceWindowStateFollowsTheClockAndItsTargetMustBeAtItsSite() {
        long site = Api.site();
        long rack = Api.rack(site, 42);
        long elsewhere = Api.rack(Api.site(), 42);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long running = Api.post(
                "/api/inventory/maintenance-windows",
                "{\"site_id\":" + site + ",\"rack_id\":" + rack
                        + ",\"starts_at\":\"" + now.minusSeconds(3600) + "\",\"ends_at\":\"" + now.plusSeconds(3600)
                        + "\",\"time_zone\":\"Africa/Tunis\",\"description\":\"PDU swap\"}");
        as(VIEWER).get("/api/inventory/maintenance-windows/" + running).then().body("state", equalTo("in_progress"));
        long planned = Api.post(
                "/api/inventory/maintenance-windows",
                "{\"site_id\":" + site + ",\"starts_at\":\"" + now.plusSeconds(86400) + "\",\"ends_at\":\""
                        + now.plusSeconds(90000) + "\",\"time_zone\":\"UTC\"}");
        as(VIEWER).get("/api/inventory/maintenance-windows/" + planned).then().body("state", equalTo("scheduled"));
        as(VIEWER)
                .get("/api/inventory/maintenance-windows?site_id=" + site + "&starts_at__lte=" + now + "&ends_at__gte="
                        + now)
                .then()
                .body("results.id", org.hamcrest.Matchers.contains((int) running));
        long ended = Api.post(
                "/api/inventory/maintenance-windows",
                "{\"site_id\":" + site + ",\"starts_at\":\"" + now.minusSeconds(90000) + "\",\"ends_at\":\""
                        + now.minusSeconds(86400) + "\",\"time_zone\":\"UTC\"}");
        String windows = "/api/inventory/maintenance-windows?ordering=id&site_id=" + site;
        as(VIEWER)
                .get(windows + "&state=in_progress")
                .then()
                .statusCode(200)
                .body("results.id", org.hamcrest.Matchers.contains((int) running));
        as(VIEWER)
                .get(windows + "&state=scheduled&state=ended")
                .then()
                .body("results.id", org.hamcrest.Matchers.contains((int) planned, (int) ended))
                .body("results.state", org.hamcrest.Matchers.contains("scheduled", "ended"));
        as(VIEWER)
                .get(windows + "&state__n=ended")
                .then()
                .body("results.id", org.hamcrest.Matchers.contains((int) running, (int) planned));
        as(VIEWER).get(windows + "&state=over").then().statusCode(400).body("errors.field", hasItem("state"));
        as(EDITOR)
                .body("{\"site_id\":" + site + ",\"rack_id\":" + elsewhere + ",\"starts_at\":\"" + now
                        + "\",\"ends_at\":\"" + now.plusSeconds(60) + "\",\"time_zone\":\"UTC\"}")
                .post("/api/inventory/maintenance-windows")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("rack_id"));
        as(EDITOR)
                .body("{\"site_id\":" + site + ",\"starts_at\":\"" + now + "\",\"ends_at\":\"" + now
                        + "\",\"time_zone\":\"UTC\"}")
                .post("/api/inventory/maintenance-windows")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("ends_at"));
        as(EDITOR)
                .body("{\"site_id\":" + site + ",\"starts_at\":\"" + now + "\",\"ends_at\":\"" + now.plusSeconds(5)
                        + "\",\"time_zone\":\"Moon/Base\"}")
                .post("/api/inventory/maintenance-windows")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("time_zone"));
    }
}
