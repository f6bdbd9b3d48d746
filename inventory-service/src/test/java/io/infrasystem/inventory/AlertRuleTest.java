package io.infrasystem.inventory;

import static io.infrasystem.inventory.Api.EDITOR;
import static io.infrasystem.inventory.Api.VIEWER;
import static io.infrasystem.inventory.Api.as;
import static io.infrasystem.inventory.Api.editorWrites;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrasystem.commons.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Alert rules: bad rules are 400s naming every field; a Zabbix problem at a site with a rule is
 * requested as an email (one {@code notification.requested} event per alert and rule, to the
 * rule's addresses, copied to its mail-gateway channel); a maintenance window in progress on the
 * asset suppresses it.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.MariaDb.class)
class AlertRuleTest {

    @Inject
    DataSource dataSource;

    @Test
    void badRulesAreRefusedNamingEachField() {
        String rule = "{\"name\":\"%s\",\"min_severity\":\"%s\",\"repeat_minutes\":%d,\"channels\":%s}";
        editorWrites(
                        "POST",
                        "/api/inventory/alert-rules",
                        rule.formatted(Api.unique("r"), "warning", 0, "[{\"type\":\"pager\",\"name\":\"x\"}]"))
                .statusCode(400)
                .body("errors.field", hasItems("channels[0].type"));
        editorWrites(
                        "POST",
                        "/api/inventory/alert-rules",
                        rule.formatted(
                                Api.unique("r"),
                                "fatal",
                                0,
                                "[{\"type\":\"email\",\"to\":[\"not-an-address\"]},{\"type\":\"webhook\"}]"))
                .statusCode(400)
                .body("errors.field", hasItems("min_severity", "channels[0].to[0]", "channels[1].name"));
        editorWrites(
                        "POST",
                        "/api/inventory/alert-rules",
                        rule.formatted(Api.unique("r"), "info", 0, "[{\"type\":\"slack\",\"name\":\"ops-slack\"}]"))
                .statusCode(400)
                .body("errors.field", hasItems("channels"));
        editorWrites(
                        "POST",
                        "/api/inventory/alert-rules",
                        rule.formatted(
                                Api.unique("r"), "info", -1, "[{\"type\":\"email\",\"to\":[\"a@example.com\"]}]"))
                .statusCode(400)
                .body("errors.field", hasItems("repeat_minutes"));
        editorWrites(
                        "POST",
                        "/api/inventory/alert-rules",
                        "{\"name\":\"" + Api.unique("r") + "\",\"min_severity\":\"info\",\"repeat_minutes\":0,"
                                + "\"source\":\"smoke-signal\",\"channels\":[{\"type\":\"email\",\"to\":[\"a@example.com\"]}]}")
                .statusCode(400)
                .body("errors.field", hasItems("source"));
    }

    @Test
    void aMatchingAlertIsRequestedAsEmailOnceAndAMaintenanceWindowSuppressesIt() throws Exception {
        long site = Api.site();
        long otherSite = Api.site();
        long rule = Api.post(
                "/api/inventory/alert-rules",
                "{\"name\":\"" + Api.unique("critical-dc") + "\",\"min_severity\":\"critical\",\"site_id\":" + site
                        + ",\"entity_type\":\"inventory:asset\",\"repeat_minutes\":0,\"channels\":["
                        + "{\"type\":\"email\",\"to\":[\"oncall@example.com\",\"dc@example.com\"]},"
                        + "{\"type\":\"slack\",\"name\":\"ops-slack\"}]}");
        long elsewhere = Api.post(
                "/api/inventory/alert-rules",
                "{\"name\":\"" + Api.unique("other-dc") + "\",\"min_severity\":\"info\",\"site_id\":" + otherSite
                        + ",\"repeat_minutes\":0,\"channels\":[{\"type\":\"email\",\"to\":[\"other@example.com\"]}]}");
        as(VIEWER).get("/api/inventory/alert-rules/" + rule).then().body("channels[1].name", equalTo("ops-slack"));

        ZabbixFixture.Monitored routed = ZabbixFixture.monitoredHost("routed", "10.50.0.1", Map.of());
        ZabbixFixture.Monitored quiet = ZabbixFixture.monitoredHost("maint", "10.50.0.2", Map.of());
        long model = Api.model(Api.manufacturer(), "1", false);
        long routedAsset = Api.post(
                "/api/inventory/assets",
                "{\"model_id\":" + model + ",\"status\":\"active\",\"site_id\":" + site + ",\"hostname\":\""
                        + routed.host() + "\"}");
        long quietAsset = Api.post(
                "/api/inventory/assets",
                "{\"model_id\":" + model + ",\"status\":\"active\",\"site_id\":" + site + ",\"hostname\":\""
                        + quiet.host() + "\"}");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Api.post(
                "/api/inventory/maintenance-windows",
                "{\"site_id\":" + site + ",\"asset_id\":" + quietAsset + ",\"starts_at\":\"" + now.minusSeconds(600)
                        + "\",\"ends_at\":\"" + now.plusSeconds(3600)
                        + "\",\"time_zone\":\"UTC\",\"description\":\"disk swap\"}");

        long config = Api.post(
                "/api/inventory/monitoring/configs",
                "{\"site_id\":" + site + ",\"zabbix_url\":\"" + ZabbixFixture.URL
                        + "\",\"auth_mode\":\"password\",\"username\":\""
                        + ZabbixFixture.USER + "\",\"password\":\"" + ZabbixFixture.PASSWORD
                        + "\",\"poll_interval_seconds\":60,\"enabled\":false}");
        as(EDITOR)
                .post("/api/inventory/monitoring/configs/" + config + "/poll")
                .then()
                .statusCode(200);
        ZabbixFixture.pushUntil(routed, "95", true, 0);
        ZabbixFixture.pushUntil(quiet, "95", true, 0);
        as(EDITOR)
                .post("/api/inventory/monitoring/configs/" + config + "/poll")
                .then()
                .body("status", equalTo("up"));
        as(EDITOR)
                .post("/api/inventory/monitoring/configs/" + config + "/poll")
                .then()
                .body("status", equalTo("up"));

        long routedAlert = as(VIEWER)
                .get("/api/inventory/alerts?config_id=" + config + "&entity_ref=inventory:asset:" + routedAsset)
                .then()
                .body("count", equalTo(1))
                .body("results[0].suppressed", equalTo(false))
                .extract()
                .jsonPath()
                .getLong("results[0].id");
        long quietAlert = as(VIEWER)
                .get("/api/inventory/alerts?config_id=" + config + "&entity_ref=inventory:asset:" + quietAsset)
                .then()
                .body("count", equalTo(1))
                .body("results[0].suppressed", equalTo(true))
                .extract()
                .jsonPath()
                .getLong("results[0].id");

        List<JsonNode> sent = notifications("alert-" + routedAlert + "-rule-%");
        assertThat(sent).hasSize(1);
        JsonNode request = sent.get(0);
        assertThat(request.path("to"))
                .extracting(JsonNode::asText)
                .containsExactly("oncall@example.com", "dc@example.com");
        assertThat(request.path("channel").asText()).isEqualTo("ops-slack");
        assertThat(request.path("idempotency_key").asText()).isEqualTo("alert-" + routedAlert + "-rule-" + rule + "-1");
        assertThat(request.path("subject").asText()).startsWith("[critical] Temperature too high on " + routed.host());
        assertThat(request.path("text").asText()).contains("Entity: inventory:asset:" + routedAsset);
        assertThat(notifications("alert-" + quietAlert + "-rule-%")).isEmpty();
        assertThat(notifications("alert-%-rule-" + elsewhere + "-%")).isEmpty();
    }

    private List<JsonNode> notifications(String keyPattern) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select payload from outbox_event where event_type ="
                        + " 'notification.requested' and message_key like ? order by id")) {
            s.setString(1, keyPattern);
            try (ResultSet r = s.executeQuery()) {
                List<JsonNode> payloads = new ArrayList<>();
                while (r.next()) {
                    payloads.add(mapper.readTree(r.getString(1)));
                }
                return payloads;
            }
        }
    }
}
