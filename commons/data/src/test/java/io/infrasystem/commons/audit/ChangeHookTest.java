package io.infrasystem.commons.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.commons.testing.KafkaTestBrokerResource;
import io.infrasystem.commons.testing.KafkaTestConsumer;
import io.infrasystem.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChangeHookTest {

    private static final String EDITOR = TestTokens.user("alice", Scopes.groupsForRoles(Set.of(Scopes.EDITOR)));
    private static final String WIDGETS = "/api/probe/widgets";
    private static final String ADMIN = TestTokens.user("root", Scopes.groupsForRoles(Set.of(Scopes.ADMIN)));

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper mapper;

    /** @return a JSON request as {@code token} whose body is a widget of {@code name} and {@code sizeU} */
    private static RequestSpecification widget(String token, String name, int sizeU) {
        return given().header("Authorization", token)
                .contentType("application/json")
                .body("{\"name\":\"" + name + "\",\"size_u\":" + sizeU + "}");
    }

    /** @return the id of the widget that {@code request} creates (200) */
    private static long created(RequestSpecification request) {
        return request.when()
                .post(WIDGETS)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private long create(String token, String name) {
        return created(widget(token, name, 2));
    }

    private static void update(long id, String name, int sizeU) {
        widget(EDITOR, name, sizeU).when().put(WIDGETS + "/" + id).then().statusCode(200);
    }

    private Response audit(String query) {
        return given().header("Authorization", ADMIN).when().get("/api/probe/audit?" + query);
    }

    @Test
    void creationWritesAuditEntryAndCloudEventWithTheCaller() throws Exception {
        String name = "w-" + UUID.randomUUID();
        long id = created(widget(EDITOR, name, 2).header("X-Request-ID", "req-create-1"));

        audit("resource_type=widget&resource_id=" + id)
                .then()
                .statusCode(200)
                .body("count", equalTo(1))
                .body("results[0].actor", equalTo("alice"))
                .body("results[0].actor_type", equalTo("user"))
                .body("results[0].action", equalTo("created"))
                .body("results[0].request_id", equalTo("req-create-1"))
                .body("results[0].client_ip", notNullValue())
                .body("results[0].after.name", equalTo(name))
                .body("results[0].changes.size()", equalTo(0));

        try (KafkaTestConsumer consumer =
                new KafkaTestConsumer(KafkaTestBrokerResource.broker().bootstrapServers(), "probe.events")) {
            List<ConsumerRecord<String, String>> events = consumer.await(
                    1, Duration.ofSeconds(20), r -> header(r, "ce_subject").equals(Long.toString(id)));
            assertThat(events).hasSize(1);
            ConsumerRecord<String, String> event = events.get(0);
            assertThat(event.key()).isEqualTo(Long.toString(id));
            assertThat(header(event, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(event, "ce_type")).isEqualTo("probe.widget.created");
            assertThat(header(event, "ce_source")).isEqualTo("/infra-system/probe-service");
            assertThat(header(event, "ce_id")).isNotBlank();
            assertThat(header(event, "ce_time")).isNotBlank();
            assertThat(header(event, "content-type")).isEqualTo("application/json");
            JsonNode data = mapper.readTree(event.value());
            assertThat(data.at("/entity/name").asText()).isEqualTo(name);
            assertThat(data.get("changes"))
                    .as("a creation's entity is the whole record")
                    .isEmpty();
            assertThat(data.at("/actor/name").asText()).isEqualTo("alice");
            assertThat(data.at("/actor/type").asText()).isEqualTo("user");
        }
    }

    @Test
    void updateRecordsOnlyTheChangedFields() throws Exception {
        String name = "w-" + UUID.randomUUID();
        long id = create(EDITOR, name);
        update(id, name, 4);

        audit("resource_id=" + id + "&action=updated")
                .then()
                .statusCode(200)
                .body("count", equalTo(1))
                .body("results[0].changes.size()", equalTo(1))
                .body("results[0].changes[0].field", equalTo("size_u"))
                .body("results[0].changes[0].old", equalTo(2))
                .body("results[0].changes[0].new", equalTo(4));

        try (KafkaTestConsumer consumer =
                new KafkaTestConsumer(KafkaTestBrokerResource.broker().bootstrapServers(), "probe.events")) {
            List<ConsumerRecord<String, String>> events = consumer.await(
                    1,
                    Duration.ofSeconds(20),
                    r -> header(r, "ce_subject").equals(Long.toString(id))
                            && header(r, "ce_type").equals("probe.widget.updated"));
            assertThat(events).hasSize(1);
            JsonNode changes = mapper.readTree(events.get(0).value()).get("changes");
            assertThat(changes).hasSize(1);
            assertThat(changes.get(0).get("field").asText()).isEqualTo("size_u");
        }
    }

    @Test
    void identicalUpdateRecordsNothingAndPublishesNothing() {
        String name = "w-" + UUID.randomUUID();
        long id = create(EDITOR, name);
        update(id, name, 2);

        audit("resource_id=" + id).then().body("count", equalTo(1));
        assertThat(outboxRows(Long.toString(id))).isEqualTo(1);
    }

    @Test
    void failedWriteLeavesNoEntityNoAuditAndNoEvent() {
        String name = "fail-" + UUID.randomUUID();
        widget(EDITOR, name, 2).when().post(WIDGETS).then().statusCode(409);

        assertThat(count("select count(*) from widget where name = '" + name + "'"))
                .isZero();
        assertThat(count("select count(*) from audit_log where after_data like '%" + name + "%'"))
                .isZero();
        assertThat(count("select count(*) from outbox_event where payload like '%" + name + "%'"))
                .isZero();
    }

    @Test
    void apiKeyCallerIsRecordedAsApiKey() {
        long id = create(TestTokens.apiKey("n8n-sync", Scopes.INVENTORY_WRITE), "w-" + UUID.randomUUID());
        audit("resource_id=" + id)
                .then()
                .body("results[0].actor", equalTo("n8n-sync"))
                .body("results[0].actor_type", equalTo("api_key"));
        audit("actor_type=api_key&actor=n8n-sync&resource_id=" + id).then().body("count", equalTo(1));
    }

    @Test
    void auditLogIsForAdminsAndValidatesItsFilters() {
        given().header("Authorization", EDITOR)
                .when()
                .get("/api/probe/audit")
                .then()
                .statusCode(403);
        given().when().get("/api/probe/audit").then().statusCode(401);
        audit("colour=red").then().statusCode(400).body("errors[0].field", equalTo("colour"));
        audit("occurred_at__gte=soon").then().statusCode(400).body("errors[0].field", equalTo("occurred_at__gte"));
        audit("occurred_at__gte=2999-01-01T00:00:00Z").then().statusCode(200).body("count", equalTo(0));
        given().header("Authorization", ADMIN)
                .when()
                .get("/api/probe/audit/999999999")
                .then()
                .statusCode(404);
    }

    private long outboxRows(String subject) {
        return count("select count(*) from outbox_event where subject = '" + subject + "'");
    }

    private long count(String sql) {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
