package io.infrasystem.project;

import static io.infrasystem.project.Fixtures.ADMIN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrasystem.commons.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every write is one outbox event {@code project.<entity>.<action>} in the write's transaction; the
 * events of projects, instances and assignments carry {@code project_id} (assignments also the
 * user name), so the realtime service can deliver them to the project's members only.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.Postgres.class)
class ProjectEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eventsOfProjectsInstancesAndAssignmentsCarryTheProjectId() throws Exception {
        long client = Fixtures.client(Fixtures.unique("client"));
        long project = Fixtures.project(client, Fixtures.unique("ERP"));
        long instance = Fixtures.instance(project, "erp-dev", "development");
        long assignment = Fixtures.assign(project, "dana");
        given().header("Authorization", ADMIN)
                .contentType("application/merge-patch+json")
                .body("{\"status\": \"inactive\"}")
                .when()
                .patch("/api/project/instances/" + instance)
                .then()
                .statusCode(200);
        given().header("Authorization", ADMIN)
                .when()
                .delete("/api/project/assignments/" + assignment)
                .then()
                .statusCode(204);

        Map<String, JsonNode> events = new LinkedHashMap<>();
        events.put("project.client.created", event("project.client.created", client));
        events.put("project.project.created", event("project.project.created", project));
        events.put("project.instance.created", event("project.instance.created", instance));
        events.put("project.instance.updated", event("project.instance.updated", instance));
        events.put("project.assignment.created", event("project.assignment.created", assignment));
        events.put("project.assignment.deleted", event("project.assignment.deleted", assignment));

        assertThat(events.get("project.client.created").has("project_id")).isFalse();
        for (String type : events.keySet()) {
            JsonNode data = events.get(type);
            assertThat(data.path("actor").path("name").asText()).as(type).isEqualTo("root");
            if (!type.startsWith("project.client.")) {
                assertThat(data.path("project_id").asLong()).as(type).isEqualTo(project);
            }
        }
        assertThat(events.get("project.instance.updated").path("changes").toString())
                .contains("\"status\"");
        assertThat(events.get("project.assignment.deleted").path("username").asText())
                .isEqualTo("dana");
        assertThat(events.get("project.assignment.deleted")
                        .path("entity")
                        .path("username")
                        .asText())
                .isEqualTo("dana");
    }

    private static JsonNode event(String type, long subject) throws Exception {
        try (Connection connection = ProductionRuleTest.connect();
                PreparedStatement query = connection.prepareStatement(
                        "select payload, topic from outbox_event where event_type = ? and subject = ?")) {
            query.setString(1, type);
            query.setString(2, Long.toString(subject));
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).as(type + " " + subject).isTrue();
                assertThat(rows.getString("topic")).isEqualTo("project.events");
                JsonNode data = JSON.readTree(rows.getString("payload"));
                assertThat(rows.next()).as("one " + type + " of " + subject).isFalse();
                return data;
            }
        }
    }
}
