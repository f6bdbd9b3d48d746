package io.infrasystem.commons.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What every service of the suite answers, whatever its domain (DESIGN.md §3): liveness and
 * readiness (which covers its database, if it has one, and Kafka), its OpenAPI document (the one
 * published in {@code docs/api/}, see {@link PublishedApiDocument}),
 * Prometheus metrics, and the audit log endpoint for administrators only. A service's test extends
 * it, is annotated {@code @QuarkusTest} with its test resources and names its audit endpoint, e.g.
 * {@code @QuarkusTest @QuarkusTestResource(TestDatabase.Postgres.class) class VmServiceContractTest
 * extends ServiceContract { VmServiceContractTest() { super("/api/vm/audit"); } }}.
 */
public abstract class ServiceContract {

    private final String auditPath;

    /** @param auditPath the service's audit endpoint, e.g. {@code /api/vm/audit}; {@code null} when it has none (nor a database) */
    protected ServiceContract(String auditPath) {
        this.auditPath = auditPath;
    }

    /**
     * @return where health and metrics are served: empty for the service's own port (the default),
     *     or {@code http://host:port} of its management interface (the gateway's)
     */
    protected String managementBase() {
        return "";
    }

    /** @return whether readiness must include a database check */
    private boolean hasDatabase() {
        return auditPath != null;
    }

    @Test
    void livenessIsUp() {
        given().when()
                .get(managementBase() + "/q/health/live")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
    }

    /**
     * A service with a database is ready when its database answers: a broker outage does not take it
     * out of service (writes wait in the outbox), it shows in the {@code outbox} wellness check. A
     * service without database needs the broker to answer anything, so its readiness covers Kafka.
     */
    @Test
    void readinessCoversWhatAnsweringNeeds() {
        var response = given().when()
                .get(managementBase() + "/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
        if (hasDatabase()) {
            response.body("checks.name", hasItem(containsString("Database")))
                    .body("checks.name", not(hasItem(containsString("Kafka"))));
            given().when()
                    .get(managementBase() + "/q/health/well")
                    .then()
                    .body("checks.find { it.name == 'outbox' }.data.pending", notNullValue());
        } else {
            response.body("checks.name", hasItem(containsString("Kafka")));
        }
    }

    @Test
    void servesTheOpenApiDocumentPublishedInDocsApi() {
        String served = given().when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("openapi", startsWith("3."))
                .extract()
                .asString();
        var published =
                PublishedApiDocument.of(ConfigProvider.getConfig().getValue("quarkus.application.name", String.class));
        if (PublishedApiDocument.writing()) {
            published.write(served);
            return;
        }
        assertThat(published.firstDifference(served))
                .as(
                        "%s differs from the served document at this JSON Pointer; renew it with -D%s=true"
                                + " and review the diff",
                        published.file(), PublishedApiDocument.WRITE_PROPERTY)
                .isEmpty();
    }

    @Test
    void servesPrometheusMetrics() {
        given().when()
                .get(managementBase() + "/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void auditLogAnswersAdminsOnly() {
        String path = auditPath;
        if (path == null) {
            return;
        }
        given().when().get(path).then().statusCode(401);
        given().header("Authorization", TestTokens.user("vera", Set.of("viewer", "vm:read", "inventory:read")))
                .when()
                .get(path)
                .then()
                .statusCode(403);
        given().header("Authorization", TestTokens.user("root", Set.of("admin")))
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .body("results", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void callWithoutTheGatewaysTokenIsRefused() {
        String path = auditPath;
        if (path == null) {
            return;
        }
        given().header("Authorization", TestTokens.forged("root", Set.of("admin")))
                .when()
                .get(path)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }
}
