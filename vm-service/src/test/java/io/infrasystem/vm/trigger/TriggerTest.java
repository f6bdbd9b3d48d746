package io.infrasystem.vm.trigger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.sun.net.httpserver.HttpServer;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.commons.testing.TestDatabase;
import io.infrasystem.commons.testing.TestTokens;
import io.infrasystem.vm.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.Postgres.class)
class TriggerTest {

    static final String ADMIN = TestTokens.user("ada", Scopes.groupsForRoles(Set.of(Scopes.ADMIN)));
    static final String EDITOR = TestTokens.user("ed", Scopes.groupsForRoles(Set.of(Scopes.EDITOR)));
    static final String N8N = TestTokens.apiKey("n8n", Scopes.VM_SYNC, Scopes.VM_READ);

    HttpServer n8n;
    final List<String> received = new CopyOnWriteArrayList<>();
    /** The Upgrade header of each call to /webhook/ok: n8n never answers a call that asks for h2c. */
    final List<String> upgrades = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startFakeN8n() throws IOException {
        n8n = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        n8n.createContext("/webhook/ok", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            upgrades.add(String.valueOf(exchange.getRequestHeaders().getFirst("Upgrade")));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        n8n.createContext("/webhook/broken", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        n8n.start();
    }

    @AfterEach
    void stopFakeN8n() {
        n8n.stop(0);
    }

    String url(String path) {
        return "http://127.0.0.1:" + n8n.getAddress().getPort() + path;
    }

    static void deleteSystemApi(int api) {
        given().header("Authorization", ADMIN)
                .delete("/api/vm/system-apis/" + api)
                .then()
                .statusCode(204);
    }

    int systemApi(String name, String type, String path, String source) {
        return given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\", \"url\": \"" + url(path) + "\", \"method\": \"POST\", "
                        + "\"resource_type\": \"" + type + "\", \"source\": \"" + source + "\", \"is_active\": true}")
                .post("/api/vm/system-apis")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void triggerCallsTheWebhookWhichThenPostsChunksAndFinishes() {
        int api = systemApi("vc-lab-" + System.nanoTime(), "vmware", "/webhook/ok", "vc-lab");
        int run = given().header("Authorization", EDITOR)
                .post("/api/vm/sync/vmware/trigger")
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].status", equalTo("triggered"))
                .body("[0].http_status", equalTo(200))
                .extract()
                .path("[0].run_id");
        assertThat(received)
                .singleElement()
                .asString()
                .contains("\"run_id\":" + run)
                .contains("\"source\":\"vc-lab\"");
        assertThat(upgrades).containsExactly("null");
        given().header("Authorization", N8N)
                .get("/api/vm/sync-runs/" + run)
                .then()
                .body("status", equalTo("pending"));

        given().header("Authorization", N8N)
                .contentType(ContentType.JSON)
                .body(Fixtures.text("vmware/api_vcenter_vm_vm-22.json"))
                .post("/api/vm/sync/vmware?run_id=" + run)
                .then()
                .statusCode(200)
                .body("created_count", equalTo(1))
                .body("source", equalTo("vc-lab"));
        given().header("Authorization", N8N)
                .post("/api/vm/sync-runs/" + run + "/finish")
                .then()
                .statusCode(200)
                .body("status", equalTo("completed"));
        deleteSystemApi(api);
    }

    @Test
    void aFailingWebhookMarksItsRunFailed() {
        int api = systemApi("pc-broken-" + System.nanoTime(), "nutanix", "/webhook/broken", "pc-broken");
        int run = given().header("Authorization", EDITOR)
                .post("/api/vm/sync/all/trigger")
                .then()
                .statusCode(200)
                .body("status", contains("failed"))
                .extract()
                .path("[0].run_id");
        given().header("Authorization", N8N)
                .get("/api/vm/sync-runs/" + run)
                .then()
                .body("status", equalTo("failed"))
                .body("error", equalTo("webhook answered HTTP 500"));
        deleteSystemApi(api);
    }

    @Test
    void systemApisAreForAdminsAndValidated() {
        given().header("Authorization", EDITOR)
                .get("/api/vm/system-apis")
                .then()
                .statusCode(403);
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"name\": \"x\", \"url\": \"ftp://nope\", \"method\": \"PUT\", \"resource_type\": \"xen\", "
                        + "\"is_active\": true}")
                .post("/api/vm/system-apis")
                .then()
                .statusCode(400);
        given().header("Authorization", EDITOR)
                .post("/api/vm/sync/xen/trigger")
                .then()
                .statusCode(400);
    }
}
