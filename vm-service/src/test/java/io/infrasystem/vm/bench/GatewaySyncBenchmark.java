package io.infrasystem.vm.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrasystem.vm.facts.VmFacts;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Benchmark of the sync path through the API gateway of a running stack ({@code deploy/local/stack up};
 * {@code ./mvnw -pl vm-service -Pbench test -Dtest=GatewaySyncBenchmark}; skipped when the gateway
 * does not answer). It logs in as {@code dev-admin} at Keycloak, creates an API key with
 * {@code vm:sync} and {@code vm:read}, posts 10,000 generated vSphere VMs with guest identity and
 * interfaces ({@link VmSyncBenchmark#writePayload}) with {@code Content-Length} to
 * {@code /api/vm/sync/vmware} under a source of its own — first sync, identical resync, 10 %
 * changed — and prints payload MB, the times and their ratios, the rows written (the vm database's
 * {@code pg_stat_user_tables} of the sync and audit tables, so concurrent use of the stack counts
 * too; {@code outbox_event} is left out, as its relay updates rows while the benchmark runs), the
 * events written (one per created, updated, deleted or restored VM: the run's counts) and the peak heap of the
 * vm-service (its {@code /q/metrics} {@code jvm_memory_used_bytes{area="heap"}}, sampled every
 * 50 ms). The raw JDBC reference runs in a scratch database with the vm database's schema
 * ({@code pg_dump --schema-only}), dropped afterwards. At the end the source is emptied (a full
 * sync of no VMs soft-deletes them) and the key revoked.
 *
 * <p>System properties (defaults for the local stack): {@code bench.gateway} (http://127.0.0.1:8080),
 * {@code bench.keycloak} (http://127.0.0.1:8180, realm {@code infra}, client {@code infra-dev}),
 * {@code bench.admin-password} (env {@code DEV_ADMIN_PASSWORD}, else {@code dev-admin-password}),
 * {@code bench.metrics} (http://127.0.0.1:8082/q/metrics), {@code bench.pg} (127.0.0.1:5432),
 * {@code bench.vm-db} (vm), {@code bench.vms} (10000).
 */
class GatewaySyncBenchmark {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String GATEWAY = System.getProperty("bench.gateway", "http://127.0.0.1:8080");
    static final String KEYCLOAK = System.getProperty("bench.keycloak", "http://127.0.0.1:8180");
    static final String METRICS = System.getProperty("bench.metrics", "http://127.0.0.1:8082/q/metrics");
    static final String PG = System.getProperty("bench.pg", "127.0.0.1:5432");
    static final String VM_DB = System.getProperty("bench.vm-db", "vm");
    static final int VMS = Integer.getInteger("bench.vms", 10_000);
    static final String[] SYNC_TABLES = {
        "vm",
        "vm_fact",
        "vm_nic_fact",
        "vm_nic_ip_fact",
        "vm_disk_fact",
        "vm_change_history",
        "hosts",
        "networks",
        "vm_sync_run",
        "outbox_event",
        "audit_log"
    };

    @Test
    void syncThroughTheGateway() throws Exception {
        assumeTrue(ready(), "no gateway answers at " + GATEWAY + " (start the stack: deploy/local/stack up)");
        String admin = adminToken();
        String stamp = String.valueOf(System.currentTimeMillis());
        JsonNode key = json(send(
                HttpRequest.newBuilder(URI.create(GATEWAY + "/api/gateway/api-keys"))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"name\": \"bench-" + stamp + "\", \"scopes\": [\"vm:sync\", \"vm:read\"]}")),
                201));
        String secret = key.path("secret").asText();
        long keyId = key.path("api_key").path("id").asLong();
        String source = "bench-gateway-" + stamp;
        try {
            Path first = VmSyncBenchmark.writePayload(VMS, 0, 42);
            Path changed = VmSyncBenchmark.writePayload(VMS, 10, 42);
            List<Map.Entry<VmFacts, String>> parsed = VmSyncBenchmark.parse(first);
            long rows = parsed.stream()
                    .mapToLong(e -> VmSyncBenchmark.rows(e.getKey()))
                    .sum();
            long rawNanos = Math.min(raw(parsed, stamp + "a"), raw(parsed, stamp + "b"));
            parsed = null;
            double rawRate = rows / (rawNanos / 1e9);

            Posted firstSync = post(secret, source, first);
            Posted identical = post(secret, source, first);
            Posted tenPercent = post(secret, source, changed);

            double firstRate = rows / (firstSync.nanos / 1e9);
            System.out.printf(
                    "%n=== vm-service sync through the gateway %s (%d vSphere VMs, %.1f MB with Content-Length, %d rows) ===%n",
                    GATEWAY, VMS, Files.size(first) / 1e6, rows);
            System.out.printf(
                    "raw JDBC batch upsert (reference, scratch db): %8.0f ms %9.0f rows/s%n", rawNanos / 1e6, rawRate);
            firstSync.print("first full sync     ");
            identical.print("identical resync    ");
            tenPercent.print("10 %-changed resync ");
            System.out.printf(
                    "first sync: %.0f rows/s = %.1f%% of raw (target >= 40%%)%n", firstRate, 100 * firstRate / rawRate);
            System.out.printf(
                    "identical resync: %.2fx faster than first (target >= 10x)%n",
                    (double) firstSync.nanos / identical.nanos);
            System.out.printf(
                    "10%%-changed resync: %.2fx faster than first (target >= 5x)%n%n",
                    (double) firstSync.nanos / tenPercent.nanos);
        } finally {
            Path empty = Files.createTempFile("vm-sync-bench-empty-", ".json");
            Files.writeString(empty, "{\"vms\": []}");
            post(secret, source, empty);
            Files.delete(empty);
            revoke(admin, keyId);
        }
    }

    /** One post: wall time, the run's counts, rows written and the vm-service's peak heap. */
    record Posted(long nanos, JsonNode run, long rowsWritten, long peakHeap) {
        void print(String what) {
            long events = run.path("created_count").asLong()
                    + run.path("updated_count").asLong()
                    + run.path("deleted_count").asLong()
                    + run.path("restored_count").asLong();
            System.out.printf(
                    "%s %8.0f ms (in the transaction %d ms)  created %d, updated %d, unchanged %d; "
                            + "rows written %d, events %d; vm-service peak heap %.1f MiB%n",
                    what,
                    nanos / 1e6,
                    run.path("duration_ms").asLong(),
                    run.path("created_count").asLong(),
                    run.path("updated_count").asLong(),
                    run.path("unchanged_count").asLong(),
                    rowsWritten,
                    events,
                    peakHeap / 1048576.0);
        }
    }

    private Posted post(String secret, String source, Path body) throws Exception {
        AtomicLong peak = new AtomicLong(heapUsed());
        AtomicBoolean done = new AtomicBoolean();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!done.get()) {
                peak.accumulateAndGet(heapUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long before = rowsWritten();
        long start = System.nanoTime();
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(GATEWAY + "/api/vm/sync/vmware?source="
                                + URLEncoder.encode(source, StandardCharsets.UTF_8)))
                        .header("X-API-Key", secret)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofMinutes(5))
                        .POST(HttpRequest.BodyPublishers.ofFile(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - start;
        done.set(true);
        sampler.join();
        peak.accumulateAndGet(heapUsed(), Math::max);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("sync answered " + response.statusCode() + ": " + response.body());
        }
        Thread.sleep(11_000); // an idle backend reports its statistics within 10 s (PostgreSQL 15+)
        return new Posted(nanos, MAPPER.readTree(response.body()), rowsWritten() - before, peak.get());
    }

    /** @return the vm-service's heap in use now (bytes), 0 when its metrics do not answer */
    private static long heapUsed() {
        try {
            String text = HTTP.send(
                            HttpRequest.newBuilder(URI.create(METRICS)).GET().build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            long sum = 0;
            for (String line : text.split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{area=\"heap\"")) {
                    sum += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return sum;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** @return rows inserted, updated and deleted so far on the sync tables of the vm database */
    private static long rowsWritten() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + PG + "/" + VM_DB, "postgres", "");
                PreparedStatement s = c.prepareStatement(
                        "select coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) from pg_stat_user_tables "
                                + "where relname = any(?)")) {
            s.setArray(1, c.createArrayOf("text", SYNC_TABLES));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** The raw reference in a scratch copy of the vm database's schema. */
    private static long raw(List<Map.Entry<VmFacts, String>> parsed, String suffix) throws Exception {
        String db = "vm_bench_raw_" + suffix;
        String host = PG.substring(0, PG.indexOf(':'));
        String port = PG.substring(PG.indexOf(':') + 1);
        run("createdb", "-h", host, "-p", port, "-U", "postgres", db);
        try {
            run(
                    "sh",
                    "-c",
                    "pg_dump --schema-only --no-owner --no-privileges -h " + host + " -p " + port
                            + " -U postgres " + VM_DB + " | psql -q -v ON_ERROR_STOP=1 -h " + host + " -p " + port
                            + " -U postgres " + db);
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + PG + "/" + db, "postgres", "")) {
                return VmSyncBenchmark.rawJdbcUpsert(c, parsed, "bench-raw");
            }
        } finally {
            run("dropdb", "-h", host, "-p", port, "-U", "postgres", db);
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    private static boolean ready() {
        try {
            return HTTP.send(
                                    HttpRequest.newBuilder(URI.create(GATEWAY + "/q/health/ready"))
                                            .GET()
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String adminToken() throws Exception {
        String password = System.getProperty(
                "bench.admin-password", System.getenv().getOrDefault("DEV_ADMIN_PASSWORD", "dev-admin-password"));
        String form = "grant_type=password&client_id=infra-dev&username=dev-admin&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return json(send(
                        HttpRequest.newBuilder(URI.create(KEYCLOAK + "/realms/infra/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form)),
                        200))
                .path("access_token")
                .asText();
    }

    private static void revoke(String admin, long id) throws Exception {
        HttpResponse<String> current = HTTP.send(
                HttpRequest.newBuilder(URI.create(GATEWAY + "/api/gateway/api-keys/" + id))
                        .header("Authorization", "Bearer " + admin)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpRequest.Builder delete = HttpRequest.newBuilder(URI.create(GATEWAY + "/api/gateway/api-keys/" + id))
                .header("Authorization", "Bearer " + admin)
                .DELETE();
        current.headers().firstValue("ETag").ifPresent(etag -> delete.header("If-Match", etag));
        HttpResponse<String> revoked = HTTP.send(delete.build(), HttpResponse.BodyHandlers.ofString());
        if (revoked.statusCode() >= 300) {
            throw new IllegalStateException("revoking key " + id + " answered " + revoked.statusCode());
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(
                    response.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return MAPPER.readTree(response.body());
    }
}
