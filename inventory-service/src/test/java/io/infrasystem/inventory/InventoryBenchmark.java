package io.infrasystem.inventory;

import static io.infrasystem.inventory.Api.ADMIN;
import static io.infrasystem.inventory.Api.VIEWER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.infrasystem.commons.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Not a test: the inventory's benchmark (run with {@code -Pbench}). It prints
 * <ol>
 * <li>a CSV import of {@code bench.rows} (default 100,000) assets through
 *     {@code POST /api/inventory/import/assets}, against the reference of the same rows loaded into
 *     the same table (same indexes, constraints and triggers) with MariaDB's
 *     {@code LOAD DATA LOCAL INFILE}, in rows/s and the ratio; the reference runs before and after
 *     the import, and the faster of the two counts;</li>
 * <li>the latency of {@code GET /api/inventory/racks/{id}/elevation} for a full 42U rack: p50, p95,
 *     p99 over {@code bench.elevation.reads} (default 2,000) reads after 200 warm-up reads.</li>
 * </ol>
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.MariaDb.class)
class InventoryBenchmark {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void csvImportThroughTheApiAgainstLoadDataLocalInfile() throws Exception {
        int rows = Integer.getInteger("bench.rows", 100_000);
        long site = Api.site();
        long model = Api.model(Api.manufacturer(), "1", true);
        long manufacturer = given().header("Authorization", VIEWER)
                .get("/api/inventory/models/" + model)
                .then()
                .extract()
                .jsonPath()
                .getLong("manufacturer_id");
        StringBuilder csv = new StringBuilder("hostname,asset_tag,serial,model_id,status,site_id,mgmt_ip,owner\n");
        StringBuilder tsv = new StringBuilder();
        String now = "2026-11-22 00:00:00.000000";
        for (int i = 0; i < rows; i++) {
            String host = "srv-" + i;
            String tag = "BT" + i;
            String serial = "SN" + i;
            String ip = "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
            csv.append(host)
                    .append(',')
                    .append(tag)
                    .append(',')
                    .append(serial)
                    .append(',')
                    .append(model)
                    .append(",active,")
                    .append(site)
                    .append(',')
                    .append(ip)
                    .append(",ops\n");
            tsv.append(host)
                    .append('\t')
                    .append(tag)
                    .append('\t')
                    .append(serial)
                    .append('\t')
                    .append(manufacturer)
                    .append('\t')
                    .append(model)
                    .append("\tactive\t")
                    .append(site)
                    .append('\t')
                    .append(ip)
                    .append("\tops\t0\t")
                    .append(now)
                    .append('\t')
                    .append(now)
                    .append('\n');
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        Path file = Files.createTempFile("assets-", ".tsv");
        Files.writeString(file, tsv);
        try (Connection connection = DriverManager.getConnection(
                        jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "allowLocalInfile=true", user, password);
                Statement statement = connection.createStatement()) {
            // the reference before and after the import: the machine's load drifts, so the ratio is
            // taken against the faster of the two (never flattering the import)
            double loadBefore = loadData(statement, file, rows);
            clear(statement);

            long start = System.nanoTime();
            given().config(io.restassured.RestAssured.config()
                            .httpClient(io.restassured.config.HttpClientConfig.httpClientConfig()
                                    .setParam("http.socket.timeout", 3_600_000)
                                    .setParam("http.connection.timeout", 60_000)))
                    .header("Authorization", ADMIN)
                    .contentType("text/csv")
                    .body(body)
                    .post("/api/inventory/import/assets")
                    .then()
                    .statusCode(200);
            double apiSeconds = (System.nanoTime() - start) / 1e9;
            clear(statement);

            double loadAfter = loadData(statement, file, rows);
            double loadSeconds = Math.min(loadBefore, loadAfter);
            double apiRate = rows / apiSeconds;
            double loadRate = rows / loadSeconds;
            System.out.printf(
                    "%nBENCH csv-import rows=%d api=%.1fs (%.0f rows/s) load-data-local-infile=%.2fs (%.0f rows/s;"
                            + " before %.2fs, after %.2fs) ratio=%.1f%% (target >= 50%%)%n",
                    rows, apiSeconds, apiRate, loadSeconds, loadRate, loadBefore, loadAfter, 100 * apiRate / loadRate);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** @return the seconds {@code LOAD DATA LOCAL INFILE} of {@code file} takes, into an empty asset table */
    private static double loadData(Statement statement, Path file, int rows) throws Exception {
        long start = System.nanoTime();
        statement.executeUpdate("load data local infile '" + file.toAbsolutePath() + "' into table asset"
                + " (hostname, asset_tag, serial, manufacturer_id, model_id, status, site_id, mgmt_ip, owner, version,"
                + " created_at, updated_at)");
        double seconds = (System.nanoTime() - start) / 1e9;
        try (ResultSet count = statement.executeQuery("select count(*) from asset")) {
            count.next();
            assertThat(count.getLong(1)).isEqualTo(rows);
        }
        return seconds;
    }

    private static void clear(Statement statement) throws Exception {
        statement.executeUpdate("delete from asset_tags");
        statement.executeUpdate("delete from asset");
    }

    @Test
    void elevationOfAFull42URack() {
        long site = Api.site();
        long rack = Api.rack(site, 42);
        long model = Api.model(Api.manufacturer(), "1", true);
        for (int unit = 1; unit <= 42; unit++) {
            Api.asset(model, "\"rack_id\":" + rack + ",\"position\":" + unit + ",\"face\":\"front\"");
        }
        int reads = Integer.getInteger("bench.elevation.reads", 2000);
        for (int i = 0; i < 200; i++) {
            given().header("Authorization", VIEWER)
                    .get("/api/inventory/racks/" + rack + "/elevation")
                    .then()
                    .statusCode(200);
        }
        long[] nanos = new long[reads];
        for (int i = 0; i < reads; i++) {
            long start = System.nanoTime();
            given().header("Authorization", VIEWER)
                    .get("/api/inventory/racks/" + rack + "/elevation")
                    .then()
                    .statusCode(200);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(
                "%nBENCH elevation-42U reads=%d p50=%.2fms p95=%.2fms p99=%.2fms max=%.2fms (client-measured,"
                        + " RestAssured, same host)%n",
                reads,
                nanos[reads / 2] / 1e6,
                nanos[(int) (reads * 0.95)] / 1e6,
                nanos[(int) (reads * 0.99)] / 1e6,
                nanos[reads - 1] / 1e6);
    }
}
