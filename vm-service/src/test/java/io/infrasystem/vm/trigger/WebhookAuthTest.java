package io.infrasystem.vm.trigger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.sun.net.httpserver.HttpServer;
import io.infrasystem.commons.crypto.SecretCipher;
import io.infrasystem.commons.testing.TestDatabase;
import io.infrasystem.vm.Sql;
import io.infrasystem.vm.secret.LegacySecrets;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Header Auth of the n8n webhooks: the fake n8n below checks the header the way n8n's Webhook node
 * does with a "Header Auth" credential (403 for a missing or wrong value).
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.Postgres.class)
class WebhookAuthTest {

    static final String HEADER = "X-Infra-Webhook-Token";
    static final String SECRET = "s3cr3t-" + Long.toHexString(System.nanoTime()) + "-webhook";
    static final String ROTATED = "r0tated-" + Long.toHexString(System.nanoTime()) + "-webhook";

    @Inject
    DataSource dataSource;

    @Inject
    SecretCipher cipher;

    HttpServer n8n;
    /** Header value each webhook path last received, "(none)" when the header was missing. */
    final Map<String, String> received = new ConcurrentHashMap<>();

    final List<Integer> created = new ArrayList<>();

    @BeforeEach
    void startFakeN8n() throws IOException {
        n8n = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        n8n.createContext("/webhook/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String token = exchange.getRequestHeaders().getFirst(HEADER);
            received.put(exchange.getRequestMethod() + " " + path, token == null ? "(none)" : token);
            boolean guarded = path.startsWith("/webhook/guarded");
            exchange.sendResponseHeaders(!guarded || SECRET.equals(token) ? 200 : 403, -1);
            exchange.close();
        });
        n8n.start();
    }

    @AfterEach
    void cleanUp() {
        n8n.stop(0);
        for (int id : created) {
            given().header("Authorization", TriggerTest.ADMIN).delete("/api/vm/system-apis/" + id);
        }
    }

    String body(String name, String method, String path, String auth) {
        return "{\"name\": \"" + name + "\", \"url\": \"http://127.0.0.1:"
                + n8n.getAddress().getPort() + path
                + "\", \"method\": \"" + method + "\", \"resource_type\": \"vmware\", \"source\": \"vc-auth\", "
                + "\"is_active\": true" + auth + "}";
    }

    ValidatableResponse create(String body) {
        return given().header("Authorization", TriggerTest.ADMIN)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/vm/system-apis")
                .then();
    }

    int systemApi(String method, String path, String auth) {
        int id = create(body("auth-" + System.nanoTime(), method, path, auth))
                .statusCode(201)
                .extract()
                .path("id");
        created.add(id);
        return id;
    }

    ValidatableResponse patch(int id, String patch) {
        return given().header("Authorization", TriggerTest.ADMIN)
                .contentType("application/merge-patch+json")
                .body(patch)
                .patch("/api/vm/system-apis/" + id)
                .then();
    }

    ValidatableResponse trigger() {
        return given().header("Authorization", TriggerTest.EDITOR)
                .post("/api/vm/sync/vmware/trigger")
                .then()
                .statusCode(200);
    }

    static String auth(String name, String value) {
        return ", \"auth_header_name\": \"" + name + "\", \"auth_header_value\": \"" + value + "\"";
    }

    List<String> strings(String sql, Object... args) {
        return Sql.strings(dataSource, sql, args);
    }

    /** @return row counts of the tables a system API write touches */
    String footprint() {
        return strings("""
            select (select count(*) from system_api) || '/' || (select count(*) from audit_log) || '/'
                || (select count(*) from outbox_event)\
            """).get(0);
    }

    @Test
    void theTriggerSendsTheHeaderOnPostAndGet() {
        systemApi("POST", "/webhook/guarded-post", auth(HEADER, SECRET));
        systemApi("GET", "/webhook/guarded-get", auth(HEADER, SECRET));
        trigger().body("status", everyItem(equalTo("triggered"))).body("http_status", everyItem(equalTo(200)));
        assertThat(received)
                .containsEntry("POST /webhook/guarded-post", SECRET)
                .containsEntry("GET /webhook/guarded-get", SECRET);
    }

    @Test
    void aWrongSecretIsRefusedByN8nAndFailsTheRun() {
        systemApi("POST", "/webhook/guarded-wrong", auth(HEADER, "not-the-secret"));
        int run = trigger()
                .body("[0].status", equalTo("failed"))
                .body("[0].http_status", equalTo(403))
                .extract()
                .path("[0].run_id");
        given().header("Authorization", TriggerTest.N8N)
                .get("/api/vm/sync-runs/" + run)
                .then()
                .body("status", equalTo("failed"))
                .body("error", equalTo("webhook answered HTTP 403"));
    }

    @Test
    void aSystemApiWithoutAuthSendsNoHeader() {
        int id = systemApi("POST", "/webhook/open", "");
        given().header("Authorization", TriggerTest.ADMIN)
                .get("/api/vm/system-apis/" + id)
                .then()
                .body("auth_header_name", nullValue())
                .body("auth_header_set", equalTo(false))
                .body("auth_header_changed_at", nullValue());
        trigger().body("[0].status", equalTo("triggered"));
        assertThat(received).containsEntry("POST /webhook/open", "(none)");
    }

    @Test
    void theSecretIsWriteOnlyAndNeverAudited() {
        int id = create(body("auth-" + System.nanoTime(), "POST", "/webhook/guarded-rotate", auth(HEADER, ROTATED)))
                .statusCode(201)
                .body("auth_header_name", equalTo(HEADER))
                .body("auth_header_set", equalTo(true))
                .body("auth_header_changed_at", notNullValue())
                .body("$", not(hasKey("auth_header_value")))
                .extract()
                .path("id");
        created.add(id);
        String changedAt = given().header("Authorization", TriggerTest.ADMIN)
                .get("/api/vm/system-apis/" + id)
                .then()
                .statusCode(200)
                .body("auth_header_set", equalTo(true))
                .body("$", not(hasKey("auth_header_value")))
                .extract()
                .path("auth_header_changed_at");
        assertThat(given().header("Authorization", TriggerTest.ADMIN)
                        .get("/api/vm/system-apis?limit=1000")
                        .asString())
                .contains(HEADER)
                .doesNotContain(ROTATED);

        // rotating the secret alone is audited (auth_header_changed_at) without the secret
        patch(id, "{\"auth_header_value\": \"" + SECRET + "\"}")
                .statusCode(200)
                .body("auth_header_set", equalTo(true))
                .body("auth_header_changed_at", not(equalTo(changedAt)))
                .body("$", not(hasKey("auth_header_value")));
        // a patch without the value keeps it: n8n still accepts the trigger
        patch(id, "{\"source\": \"vc-auth-2\"}").statusCode(200).body("auth_header_set", equalTo(true));
        trigger().body("[0].status", equalTo("triggered"));
        assertThat(received).containsEntry("POST /webhook/guarded-rotate", SECRET);
        // renaming the header keeps the value too
        patch(id, "{\"auth_header_name\": \"X-Other-Token\"}")
                .statusCode(200)
                .body("auth_header_name", equalTo("X-Other-Token"))
                .body("auth_header_set", equalTo(true));
        assertThat(storedSecret(id)).isEqualTo(SECRET);
        // an explicit null clears both
        patch(id, "{\"auth_header_value\": null}")
                .statusCode(200)
                .body("auth_header_name", nullValue())
                .body("auth_header_set", equalTo(false));
        trigger().body("[0].status", equalTo("failed")).body("[0].http_status", equalTo(403));
        assertThat(received).containsEntry("POST /webhook/guarded-rotate", "(none)");
        given().header("Authorization", TriggerTest.ADMIN)
                .delete("/api/vm/system-apis/" + id)
                .then()
                .statusCode(204);
        created.remove(Integer.valueOf(id));

        List<String> audit = strings("""
                select coalesce(before_data, '') || ' ' || coalesce(after_data, '') || ' ' || changes
                from audit_log where resource_type = 'system_api' and resource_id = ?\
                """, String.valueOf(id));
        List<String> events = strings(
                "select payload from outbox_event where event_type like 'vm.system_api.%' " + "and subject = ?",
                String.valueOf(id));
        // created, rotated, source, renamed, cleared, deleted
        assertThat(audit)
                .hasSize(6)
                .allSatisfy(row -> assertThat(row)
                        .doesNotContain(SECRET)
                        .doesNotContain(ROTATED)
                        .doesNotContain("auth_header_value"));
        assertThat(events)
                .hasSize(6)
                .allSatisfy(row -> assertThat(row)
                        .doesNotContain(SECRET)
                        .doesNotContain(ROTATED)
                        .doesNotContain("auth_header_value"));
        assertThat(String.join("\n", audit)).contains("auth_header_changed_at").contains("X-Other-Token");
    }

    @Test
    void badCombinationsAre400AndWriteNothing() {
        int open = systemApi("POST", "/webhook/open", "");
        int guarded = systemApi("POST", "/webhook/guarded-bad", auth(HEADER, SECRET));
        String before = footprint();
        String name = "auth-bad-" + System.nanoTime();

        problem(
                create(body(name, "POST", "/webhook/x", ", \"auth_header_name\": \"" + HEADER + "\"")),
                "auth_header_value");
        problem(
                create(body(name, "POST", "/webhook/x", ", \"auth_header_value\": \"" + SECRET + "\"")),
                "auth_header_name");
        problem(create(body(name, "POST", "/webhook/x", auth("X Token", SECRET))), "auth_header_name");
        problem(create(body(name, "POST", "/webhook/x", auth("Host", SECRET))), "auth_header_name");
        problem(create(body(name, "POST", "/webhook/x", auth(HEADER, "two\\nlines"))), "auth_header_value");
        problem(create(body(name, "POST", "/webhook/x", auth(HEADER, ""))), "auth_header_value");
        problem(patch(open, "{\"auth_header_name\": \"" + HEADER + "\"}"), "auth_header_value");
        problem(patch(open, "{\"auth_header_value\": \"" + SECRET + "\"}"), "auth_header_name");
        problem(
                patch(guarded, "{\"auth_header_name\": null, \"auth_header_value\": \"" + ROTATED + "\"}"),
                "auth_header_name");
        problem(
                patch(guarded, "{\"auth_header_value\": null, \"auth_header_name\": \"X-Other\"}"),
                "auth_header_value");

        assertThat(footprint()).isEqualTo(before);
        given().header("Authorization", TriggerTest.ADMIN)
                .get("/api/vm/system-apis/" + guarded)
                .then()
                .body("auth_header_name", equalTo(HEADER))
                .body("auth_header_set", equalTo(true));
        assertThat(storedSecret(guarded)).isEqualTo(SECRET);
    }

    /** @return the stored secret of a system API, decrypted, after checking it is stored encrypted */
    String storedSecret(int id) {
        List<String> stored = strings("select auth_header_value from system_api where id = ?", (long) id);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0)).startsWith("v1:").doesNotContain(SECRET).doesNotContain(ROTATED);
        return cipher.decrypt(stored.get(0));
    }

    @Test
    void theSecretIsEncryptedAtRestAndAClearValueOfAnOlderVersionIsEncryptedAtStartUp() {
        int id = systemApi("POST", "/webhook/guarded-legacy", auth(HEADER, SECRET));
        assertThat(storedSecret(id)).isEqualTo(SECRET);
        // as an older version stored it: in clear
        Sql.execute(dataSource, "update system_api set auth_header_value = ? where id = ?", SECRET, (long) id);
        trigger().body("find { it.system_api_id == " + id + " }.status", equalTo("triggered"));
        io.quarkus.arc.Arc.container().instance(LegacySecrets.class).get().encryptClearValues(null);
        assertThat(storedSecret(id)).isEqualTo(SECRET);
        trigger();
        assertThat(received).containsEntry("POST /webhook/guarded-legacy", SECRET);
    }

    @Test
    void urlsToInternalAddressesAreRefusedAtSaveAndAtSend() {
        String before = footprint();
        for (String url : List.of(
                "http://169.254.169.254/latest/meta-data/",
                "http://127.0.0.2:8082/q/metrics",
                "http://[::1]:8082/",
                "http://10.0.0.1/webhook",
                "http://192.168.1.1/")) {
            String body = "{\"name\": \"ssrf-" + System.nanoTime() + "\", \"url\": \"" + url
                    + "\", \"method\": \"POST\", \"resource_type\": \"vmware\", \"is_active\": true}";
            create(body).statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("url"));
        }
        assertThat(footprint()).isEqualTo(before);

        // stored by other means (an older version, a changed DNS answer): refused before the call
        int id = systemApi("POST", "/webhook/open-ssrf", "");
        Sql.execute(
                dataSource,
                "update system_api set url = 'http://169.254.169.254/latest/meta-data/' where id = ?",
                (long) id);
        trigger()
                .body("find { it.system_api_id == " + id + " }.status", equalTo("failed"))
                .body(
                        "find { it.system_api_id == " + id + " }.error",
                        org.hamcrest.Matchers.containsString("169.254.169.254"));
    }

    /** Asserts a 400 problem naming {@code field} that does not echo the secret. */
    static void problem(ValidatableResponse response, String field) {
        String body = response.statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .extract()
                .asString();
        assertThat(body).doesNotContain(SECRET).doesNotContain(ROTATED);
    }
}
