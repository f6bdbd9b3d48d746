package io.infrasystem.project;

import static io.infrasystem.project.Fixtures.ADMIN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.sun.net.httpserver.HttpServer;
import io.infrasystem.commons.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The instance health probe against a local stub that answers {@code /web/webclient/version_info}
 * as Odoo 17 does (JSON-RPC 2.0), then fails in the ways a real instance does.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.Postgres.class)
class InstanceHealthTest {

    /** Odoo 17.0's answer to version_info (shape from Odoo's {@code odoo/service/common.py}). */
    static final String ODOO_17 = "{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": {\"server_version\": \"17.0+e\","
            + " \"server_version_info\": [17, 0, 0, \"final\", 0, \"e\"], \"server_serie\": \"17.0\","
            + " \"protocol_version\": 1}}";

    static HttpServer odoo;
    static final AtomicInteger STATUS = new AtomicInteger(200);
    static final AtomicReference<String> BODY = new AtomicReference<>(ODOO_17);
    static final AtomicReference<String> RECEIVED = new AtomicReference<>();

    @BeforeAll
    static void startStub() throws IOException {
        odoo = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        odoo.createContext("/web/webclient/version_info", exchange -> {
            RECEIVED.set(exchange.getRequestMethod() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = BODY.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(STATUS.get(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        odoo.start();
    }

    @AfterAll
    static void stopStub() {
        odoo.stop(0);
    }

    @Test
    void aProbeRecordsTheVersionOdooReportsAndEachWayOfBeingDown() {
        long project = Fixtures.project(Fixtures.unique("ERP"));
        long instance =
                instanceAt(project, "http://127.0.0.1:" + odoo.getAddress().getPort() + "/");
        STATUS.set(200);
        BODY.set(ODOO_17);
        probe(instance)
                .statusCode(200)
                .body("status", equalTo("up"))
                .body("http_status", equalTo(200))
                .body("server_version", equalTo("17.0+e"))
                .body("error", nullValue());
        assertThat(RECEIVED.get())
                .startsWith("POST ")
                .contains("\"jsonrpc\":\"2.0\"")
                .contains("\"method\":\"call\"");

        STATUS.set(502);
        BODY.set("<html>Bad Gateway</html>");
        probe(instance).statusCode(200).body("status", equalTo("down")).body("error", equalTo("HTTP 502"));

        STATUS.set(200);
        BODY.set("{\"jsonrpc\": \"2.0\", \"id\": 1, \"error\": {\"code\": 200, \"message\": \"Odoo Server Error\"}}");
        probe(instance)
                .statusCode(200)
                .body("status", equalTo("down"))
                .body("error", equalTo("JSON-RPC error: Odoo Server Error"));

        BODY.set("<html>login</html>");
        probe(instance).statusCode(200).body("status", equalTo("down")).body("error", equalTo("not a JSON-RPC answer"));

        given().header("Authorization", ADMIN)
                .queryParam("limit", 2)
                .when()
                .get("/api/project/instances/" + instance + "/health")
                .then()
                .statusCode(200)
                .body("count", equalTo(4))
                .body("results.size()", equalTo(2))
                .body("results[0].error", equalTo("not a JSON-RPC answer"));
    }

    @Test
    void anInstanceNobodyAnswersForIsDownWithoutAnHttpStatus() throws IOException {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        long project = Fixtures.project(Fixtures.unique("ERP"));
        long instance = instanceAt(project, "http://127.0.0.1:" + closedPort);
        probe(instance).statusCode(200).body("status", equalTo("down")).body("http_status", nullValue());
    }

    @Test
    void healthFollowsTheInstancesVisibilityAndOnlyAdminsProbe() {
        long project = Fixtures.project(Fixtures.unique("ERP"));
        long instance =
                instanceAt(project, "http://127.0.0.1:" + odoo.getAddress().getPort());
        String member = Fixtures.unique("hana");
        Fixtures.assign(project, member);
        given().header("Authorization", Fixtures.viewer(member))
                .when()
                .get("/api/project/instances/" + instance + "/health")
                .then()
                .statusCode(200);
        given().header("Authorization", Fixtures.viewer(Fixtures.unique("ivan")))
                .when()
                .get("/api/project/instances/" + instance + "/health")
                .then()
                .statusCode(404);
        given().header("Authorization", Fixtures.viewer(member))
                .when()
                .post("/api/project/instances/" + instance + "/health")
                .then()
                .statusCode(403);
        long withoutUrl = Fixtures.instance(project, "no-url", "development");
        given().header("Authorization", ADMIN)
                .contentType("application/merge-patch+json")
                .body("{\"url\": null}")
                .when()
                .patch("/api/project/instances/" + withoutUrl)
                .then()
                .statusCode(200);
        probe(withoutUrl).statusCode(409);
    }

    private static long instanceAt(long project, String url) {
        return ((Number) given().header("Authorization", ADMIN)
                        .contentType(ContentType.JSON)
                        .body("{\"project_id\": " + project + ", \"name\": \"" + Fixtures.unique("odoo")
                                + "\", \"type\": \"staging\", \"url\": \"" + url + "\"}")
                        .when()
                        .post("/api/project/instances")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
    }

    private static io.restassured.response.ValidatableResponse probe(long instance) {
        return given().header("Authorization", ADMIN)
                .when()
                .post("/api/project/instances/" + instance + "/health")
                .then();
    }
}
