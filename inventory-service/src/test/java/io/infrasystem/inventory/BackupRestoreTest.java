package io.infrasystem.inventory;

import static io.infrasystem.inventory.Api.ADMIN;
import static io.infrasystem.inventory.Api.EDITOR;
import static io.infrasystem.inventory.Api.VIEWER;
import static io.infrasystem.inventory.Api.as;
import static io.infrasystem.inventory.Api.editorWrites;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.infrasystem.commons.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.MariaDb.class)
class BackupRestoreTest {

    private static ValidatableResponse restore(byte[] archive, boolean dryRun) {
        return given().header("Authorization", ADMIN)
                .contentType("application/zip")
                .body(archive)
                .post("/api/inventory/restore?dry_run=" + dryRun)
                .then();
    }

    private static List<Map<String, Object>> assets(long site) {
        return as(VIEWER)
                .get("/api/inventory/assets?site_id=" + site + "&limit=1000")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("results");
    }

    private static byte[] takeBackup() {
        String name = given().header("Authorization", ADMIN)
                .post("/api/inventory/backups")
                .then()
                .statusCode(201)
                .body("rows.asset", org.hamcrest.Matchers.greaterThanOrEqualTo(2))
                .extract()
                .path("name");
        as(ADMIN)
                .get("/api/inventory/backups")
                .then()
                .statusCode(200)
                .body("name", org.hamcrest.Matchers.hasItem(name));
        return given().header("Authorization", ADMIN)
                .get("/api/inventory/backups/" + name)
                .then()
                .statusCode(200)
                .contentType("application/zip")
                .extract()
                .asByteArray();
    }

    @Test
    void restoreReplacesTheInventoryWithTheBackupAfterADryRunThatChangesNothing() {
        long site = Api.site();
        long rack = Api.rack(site, 42);
        long model = Api.model(Api.manufacturer(), "2", true);
        long kept = Api.asset(
                model,
                "\"rack_id\":" + rack
                        + ",\"position\":3,\"face\":\"front\",\"tags\":[\"prod\"],\"custom_fields\":{\"k\":\"v\"}");
        Api.asset(model, "\"site_id\":" + site);
        List<Map<String, Object>> before = assets(site);
        byte[] archive = takeBackup();

        long added = Api.asset(model, "\"rack_id\":" + rack + ",\"position\":20,\"face\":\"front\"");
        editorWrites("PATCH", "/api/inventory/assets/" + kept, "{\"hostname\":\"changed\",\"tags\":[]}")
                .statusCode(200);
        editorWrites(
                        "POST",
                        "/api/inventory/assets/" + kept + "/placement",
                        "{\"rack_id\":" + rack + ",\"position\":30,\"face\":\"rear\"}")
                .statusCode(200);

        restore(archive, true).statusCode(200).body("dry_run", equalTo(true)).body("replaced.size()", equalTo(0));
        as(VIEWER).get("/api/inventory/assets/" + kept).then().body("hostname", equalTo("changed"));

        restore(archive, false).statusCode(200).body("rows.asset", org.hamcrest.Matchers.greaterThanOrEqualTo(2));
        assertThat(assets(site)).isEqualTo(before);
        as(VIEWER).get("/api/inventory/assets/" + added).then().statusCode(404);
        // the occupancy was rebuilt: units 3-4 are taken again, 30 is free
        long other = Api.asset(model, "");
        editorWrites(
                        "POST",
                        "/api/inventory/assets/" + other + "/placement",
                        "{\"rack_id\":" + rack + ",\"position\":4,\"face\":\"rear\"}")
                .statusCode(409);
        editorWrites(
                        "POST",
                        "/api/inventory/assets/" + other + "/placement",
                        "{\"rack_id\":" + rack + ",\"position\":30,\"face\":\"rear\"}")
                .statusCode(200);
        as(ADMIN)
                .get("/api/inventory/audit?resource_type=backup")
                .then()
                .body("results[0].action", equalTo("restored"));
    }

    @Test
    void corruptOrMismatchedArchivesAreRefusedWithNothingChanged() throws IOException {
        long site = Api.site();
        long model = Api.model(Api.manufacturer(), "1", true);
        Api.asset(model, "\"site_id\":" + site);
        Api.asset(model, "\"site_id\":" + site);
        byte[] archive = takeBackup();
        long later = Api.asset(model, "\"site_id\":" + site);
        List<Map<String, Object>> now = assets(site);

        restore(rewrite(archive, "asset.json", s -> s.replaceFirst("\"active\"", "\"offline\"")), false)
                .statusCode(400)
                .body("detail", containsString("SHA-256"));
        restore(
                        rewrite(
                                archive,
                                "manifest.json",
                                s -> s.replaceFirst(
                                        "\"schema_version\" : \"[^\"]+\"", "\"schema_version\" : \"inventory-0\"")),
                        false)
                .statusCode(400)
                .body("detail", containsString("schema version"));
        restore(rewrite(archive, "manifest.json", null), false)
                .statusCode(400)
                .body("detail", containsString("manifest"));
        restore("this is not a zip".getBytes(StandardCharsets.UTF_8), false).statusCode(400);
        restore(java.util.Arrays.copyOf(archive, archive.length / 2), false).statusCode(400);

        assertThat(assets(site)).isEqualTo(now);
        as(VIEWER).get("/api/inventory/assets/" + later).then().statusCode(200);
        given().header("Authorization", EDITOR)
                .post("/api/inventory/backups")
                .then()
                .statusCode(403);
        given().header("Authorization", ADMIN)
                .get("/api/inventory/backups/..%2Fsecret.zip")
                .then()
                .statusCode(404);
    }

    /** Copies the archive, changing one entry's text ({@code null}: dropping the entry). */
    private static byte[] rewrite(byte[] archive, String entryName, UnaryOperator<String> change) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(archive))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                byte[] content = entry.getValue();
                if (entry.getKey().equals(entryName)) {
                    if (change == null) {
                        continue;
                    }
                    String changed = change.apply(new String(content, StandardCharsets.UTF_8));
                    assertThat(changed).isNotEqualTo(new String(content, StandardCharsets.UTF_8));
                    content = changed.getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(content);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
