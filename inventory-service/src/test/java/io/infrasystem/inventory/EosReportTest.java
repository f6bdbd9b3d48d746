package io.infrasystem.inventory;

import static io.infrasystem.inventory.Api.ADMIN;
import static io.infrasystem.inventory.Api.EDITOR;
import static io.infrasystem.inventory.Api.VIEWER;
import static io.infrasystem.inventory.Api.as;
import static io.infrasystem.inventory.Api.editorWrites;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrasystem.commons.testing.KafkaTestConsumer;
import io.infrasystem.commons.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.MariaDb.class)
class EosReportTest {

    /** The broker the application under test publishes to (the test run's own, from stack test). */
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    private long past;
    private long soon;
    private long later;
    private long unknownUsed;
    private long unknownUnused;
    private String pastName;
    private String siteA;

    private long model(long maker, String endOfSupport) {
        long id = Api.model(maker, "1", true);
        editorWrites(
                        "PATCH",
                        "/api/inventory/models/" + id,
                        "{\"end_of_support\":" + (endOfSupport == null ? "null" : "\"" + endOfSupport + "\"") + "}")
                .statusCode(200);
        return id;
    }

    @BeforeEach
    void fleet() {
        long maker = Api.manufacturer();
        past = model(maker, "2071-03-01");
        soon = model(maker, "2071-07-01");
        later = model(maker, "2072-01-01");
        unknownUsed = model(maker, null);
        unknownUnused = model(maker, null);
        pastName =
                as(VIEWER).get("/api/inventory/models/" + past).then().extract().path("name");
        long a = Api.site();
        long b = Api.site();
        siteA = as(VIEWER).get("/api/inventory/sites/" + a).then().extract().path("name");
        long rack = Api.rack(a, 42);
        Api.asset(past, "\"rack_id\":" + rack + ",\"position\":1,\"face\":\"front\"");
        Api.asset(past, "\"site_id\":" + a);
        Api.asset(past, "\"site_id\":" + b);
        Api.asset(past, "\"site_id\":" + b + ",\"status\":\"decommissioned\"");
        Api.asset(soon, "");
        Api.asset(later, "");
        Api.asset(unknownUsed, "\"site_id\":" + a);
    }

    private static Map<String, Object> entry(JsonPath report, String list, long model) {
        return report.getList(list + ".findAll { it.model_id == " + model + " }", Map.class).stream()
                .findFirst()
                .map(m -> (Map<String, Object>) m)
                .orElse(null);
    }

    @Test
    void reportAsOfADateListsPastAndNearModelsWithAssetsPerSiteAndUnknownApart() {
        JsonPath report = as(VIEWER)
                .get("/api/inventory/reports/eos?as_of=2071-06-01&within_days=60")
                .then()
                .statusCode(200)
                .body("horizon", equalTo("2071-07-31"))
                .extract()
                .jsonPath();
        Map<String, Object> pastEntry = entry(report, "models", past);
        assertThat(pastEntry)
                .containsEntry("state", "past")
                .containsEntry("days_left", -92)
                .containsEntry("asset_count", 3);
        assertThat((List<?>) pastEntry.get("sites")).hasSize(2);
        assertThat(entry(report, "models", soon))
                .containsEntry("state", "within")
                .containsEntry("days_left", 30);
        assertThat(entry(report, "models", later)).isNull();
        assertThat(entry(report, "unknown_end_of_support", unknownUsed)).containsEntry("asset_count", 1);
        assertThat(entry(report, "unknown_end_of_support", unknownUnused)).isNull();
        assertThat(entry(report, "models", unknownUsed)).isNull();

        JsonPath earlier = as(VIEWER)
                .get("/api/inventory/reports/eos?as_of=2071-01-15&within_days=60")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(entry(earlier, "models", past)).containsEntry("state", "within");
        assertThat(entry(earlier, "models", soon)).isNull();
    }

    @Test
    void reportComesAsCsvWithOneRowPerAffectedAsset() {
        String csv = given().header("Authorization", VIEWER)
                .accept("text/csv")
                .get("/api/inventory/reports/eos?as_of=2071-06-01&within_days=60")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(csv.lines().findFirst())
                .hasValue(
                        "state,manufacturer,model,part_number,end_of_support,days_left,site,rack,asset_id,hostname,asset_tag,serial,status");
        assertThat(csv.lines().filter(l -> l.contains(pastName))).hasSize(3).allMatch(l -> l.startsWith("past,"));
        assertThat(csv.lines().filter(l -> l.contains(pastName) && l.contains(siteA)))
                .hasSize(2);
        given().header("Authorization", VIEWER)
                .get("/api/inventory/reports/eos?format=csv&as_of=2071-06-01")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("text/csv"));
    }

    @Test
    void badParametersAreRefused() {
        as(VIEWER)
                .get("/api/inventory/reports/eos?as_of=01/06/2071")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("as_of"));
        as(VIEWER).get("/api/inventory/reports/eos?within_days=-1").then().statusCode(400);
        as(VIEWER).get("/api/inventory/reports/eos?within_days=ten").then().statusCode(400);
        as(VIEWER).get("/api/inventory/reports/eos?format=pdf").then().statusCode(400);
    }

    @Test
    void adminTriggersTheNotificationTheScheduledJobSends() throws Exception {
        given().header("Authorization", EDITOR)
                .post("/api/inventory/reports/eos/notify?as_of=2071-06-01")
                .then()
                .statusCode(403);
        String key = "eos-report-2071-06-01";
        String eventId = given().header("Authorization", ADMIN)
                .post("/api/inventory/reports/eos/notify?as_of=2071-06-01&within_days=60")
                .then()
                .statusCode(200)
                .body("key", equalTo(key))
                .extract()
                .path("event_id");
        try (KafkaTestConsumer consumer = new KafkaTestConsumer(bootstrapServers, "notifications")) {
            List<ConsumerRecord<String, String>> events =
                    consumer.await(1, Duration.ofSeconds(20), r -> eventId.equals(header(r, "ce_id")));
            assertThat(events).hasSize(1);
            ConsumerRecord<String, String> event = events.get(0);
            assertThat(event.key()).isEqualTo(key);
            assertThat(header(event, "ce_type")).isEqualTo("notification.requested");
            JsonNode data = mapper.readTree(event.value());
            assertThat(data.get("to").toString()).contains("ops@example.com", "dc-team@example.com");
            assertThat(data.get("idempotency_key").asText()).isEqualTo(key);
            assertThat(data.get("subject").asText()).startsWith("End-of-support report 2071-06-01");
            assertThat(data.get("text").asText()).contains(pastName).contains("92 days ago");
            // the contract (docs/architecture.md): rendered subject and text, or a template with its
            // variables, never both; mail-gateway refuses variables without a template
            assertThat(data.has("variables")).isFalse();
            assertThat(data.has("template")).isFalse();
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
