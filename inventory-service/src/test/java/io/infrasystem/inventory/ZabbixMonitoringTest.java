package io.infrasystem.inventory;

import static io.infrasystem.inventory.Api.EDITOR;
import static io.infrasystem.inventory.Api.VIEWER;
import static io.infrasystem.inventory.Api.as;
import static io.infrasystem.inventory.Api.editorWrites;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrasystem.commons.testing.TestDatabase;
import io.infrasystem.inventory.monitoring.poll.PollState;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The monitoring feature against the real Zabbix 6.0 that {@code deploy/local/stack test} starts:
 * problems raised with {@code zabbix_sender} become alerts linked to their asset, once; an inbox
 * acknowledgement reaches Zabbix; Zabbix's resolution resolves the alert; the session is renewed
 * when Zabbix ends it; an API outage shows in the status and loses nothing.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.MariaDb.class)
class ZabbixMonitoringTest {

    @Inject
    DataSource dataSource;

    private static String config(long site, String url, boolean enabled) {
        return "{\"site_id\":" + site + ",\"zabbix_url\":\"" + url + "\",\"auth_mode\":\"password\",\"username\":\""
                + ZabbixFixture.USER + "\",\"password\":\"" + ZabbixFixture.PASSWORD
                + "\",\"poll_interval_seconds\":5,\"enabled\":" + enabled + "}";
    }

    private static JsonPath poll(long config) {
        return as(EDITOR)
                .post("/api/inventory/monitoring/configs/" + config + "/poll")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static List<Map<String, Object>> alertsOf(long config, String host) {
        return as(VIEWER)
                .get("/api/inventory/alerts?config_id=" + config + "&q=" + host + "&ordering=id")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("results");
    }

    private static long asset(long site, String hostname, String mgmtIp) {
        long model = Api.model(Api.manufacturer(), "1", false);
        return Api.post(
                "/api/inventory/assets",
                "{\"model_id\":" + model + ",\"status\":\"active\",\"site_id\":" + site + ",\"hostname\":\"" + hostname
                        + "\"" + (mgmtIp == null ? "" : ",\"mgmt_ip\":\"" + mgmtIp + "\"") + "}");
    }

    @Test
    void aProblemBecomesOneAlertLinkedToItsAssetIsAcknowledgedInZabbixAndResolvesWithIt() throws Exception {
        long site = Api.site();
        ZabbixFixture.Monitored m = ZabbixFixture.monitoredHost("web", "10.20.0.1", Map.of());
        long assetId = asset(site, m.host(), null);
        long config = Api.post("/api/inventory/monitoring/configs", config(site, ZabbixFixture.URL, false));
        assertThat(poll(config).getString("status")).isEqualTo("up");

        long eventId = ZabbixFixture.pushUntil(m, "80", true, 0);
        JsonPath status = poll(config);
        assertThat(status.getString("status")).isEqualTo("up");
        assertThat(status.getString("api_version")).startsWith("6.0");
        List<Map<String, Object>> alerts = alertsOf(config, m.host());
        assertThat(alerts).hasSize(1);
        Map<String, Object> alert = alerts.get(0);
        assertThat(alert)
                .containsEntry("status", "open")
                .containsEntry("severity", "critical")
                .containsEntry("source_severity", "high")
                .containsEntry("source", "zabbix")
                .containsEntry("entity_ref", "inventory:asset:" + assetId)
                .containsEntry("entity_match", "name")
                .containsEntry("zabbix_host", m.host())
                .containsEntry("site_id", (int) site);
        assertThat(((Number) alert.get("zabbix_event_id")).longValue()).isEqualTo(eventId);
        long alertId = ((Number) alert.get("id")).longValue();

        // polled again: still one alert
        poll(config);
        assertThat(alertsOf(config, m.host())).hasSize(1);

        // acknowledged in the inbox: acknowledged in Zabbix with the comment
        as(EDITOR)
                .body("{\"comment\":\"on it: fan replaced\"}")
                .post("/api/inventory/alerts/" + alertId + "/acknowledge")
                .then()
                .statusCode(200)
                .body("status", equalTo("acknowledged"))
                .body("acknowledged_by", equalTo("eddie"))
                .body("ack_comment", equalTo("on it: fan replaced"));
        JsonNode event =
                ZabbixFixture.awaitEvent(eventId, e -> e.path("acknowledged").asInt() == 1);
        assertThat(event.path("acknowledges").findValuesAsText("message")).contains("on it: fan replaced");
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as(VIEWER)
                        .get("/api/inventory/alerts/" + alertId)
                        .then()
                        .body("ack_pending", equalTo(false)));
        as(EDITOR)
                .body("{}")
                .post("/api/inventory/alerts/" + alertId + "/acknowledge")
                .then()
                .statusCode(409);

        as(EDITOR)
                .body("{\"assignee\":\"dc-oncall\"}")
                .post("/api/inventory/alerts/" + alertId + "/assign")
                .then()
                .statusCode(200)
                .body("assignee", equalTo("dc-oncall"));

        // resolved in Zabbix: resolved here at Zabbix's time
        ZabbixFixture.pushUntil(m, "20", false, eventId);
        poll(config);
        as(VIEWER)
                .get("/api/inventory/alerts/" + alertId)
                .then()
                .body("status", equalTo("resolved"))
                .body("resolved_at", org.hamcrest.Matchers.notNullValue());
        as(VIEWER)
                .get("/api/inventory/alerts?status=resolved&config_id=" + config + "&q=" + m.host())
                .then()
                .body("count", equalTo(1));
        as(VIEWER)
                .get("/api/inventory/alerts/" + alertId + "/history")
                .then()
                .statusCode(200)
                .body("action", equalTo(List.of("opened", "acknowledged", "assigned", "resolved")));
        assertThat(outboxTypes(alertId))
                .containsExactly(
                        "inventory.alert.opened",
                        "inventory.alert.acknowledged",
                        "inventory.alert.assigned",
                        "inventory.alert.resolved");
    }

    @Test
    void hostsMapToAssetsByIpAndToOtherServicesByTag() {
        long site = Api.site();
        long assetId = asset(site, Api.unique("unrelated-name"), "10.99.1.7");
        ZabbixFixture.Monitored byIp = ZabbixFixture.monitoredHost("db", "10.99.1.7", Map.of());
        ZabbixFixture.Monitored byTag =
                ZabbixFixture.monitoredHost("vm", "10.99.1.8", Map.of("infra.ref", "vm:vm:1234"));
        ZabbixFixture.Monitored unknown = ZabbixFixture.monitoredHost("stray", "10.99.1.9", Map.of());
        long config = Api.post("/api/inventory/monitoring/configs", config(site, ZabbixFixture.URL, false));
        poll(config);
        ZabbixFixture.pushUntil(byIp, "99", true, 0);
        ZabbixFixture.pushUntil(byTag, "99", true, 0);
        ZabbixFixture.pushUntil(unknown, "99", true, 0);
        poll(config);
        assertThat(alertsOf(config, byIp.host()))
                .singleElement()
                .satisfies(a -> assertThat(a)
                        .containsEntry("entity_ref", "inventory:asset:" + assetId)
                        .containsEntry("entity_match", "ip"));
        assertThat(alertsOf(config, byTag.host()))
                .singleElement()
                .satisfies(a ->
                        assertThat(a).containsEntry("entity_ref", "vm:vm:1234").containsEntry("entity_match", "tag"));
        assertThat(alertsOf(config, unknown.host()))
                .singleElement()
                .satisfies(a -> assertThat(a.get("entity_ref")).isNull());
    }

    @Test
    void aSessionThatZabbixEndedIsRenewedAndStoredEncrypted() throws Exception {
        long site = Api.site();
        long config = Api.post("/api/inventory/monitoring/configs", config(site, ZabbixFixture.URL, false));
        poll(config);
        String first = cachedSession(config);
        assertThat(first).matches("[0-9a-f]{32}");
        assertThat(column("select session_token from monitoring_poll_state where config_id = ?", config))
                .startsWith("v1:")
                .doesNotContain(first);
        assertThat(column("select password from monitoring_config where id = ?", config))
                .startsWith("v1:")
                .doesNotContain(ZabbixFixture.PASSWORD);

        ZabbixFixture.rpc("user.logout", List.of(), first);
        JsonPath status = poll(config);
        assertThat(status.getString("status")).isEqualTo("up");
        String second = cachedSession(config);
        assertThat(second).isNotEqualTo(first).matches("[0-9a-f]{32}");
        as(VIEWER)
                .get("/api/inventory/monitoring/configs/" + config)
                .then()
                .body("password_set", equalTo(true))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("password")));

        // a wrong password: auth_failed, saying why
        editorWrites("PATCH", "/api/inventory/monitoring/configs/" + config, "{\"password\":\"wrong-password\"}")
                .statusCode(200);
        as(EDITOR)
                .post("/api/inventory/monitoring/configs/" + config + "/test")
                .then()
                .statusCode(200)
                .body("status", equalTo("auth_failed"))
                .body("detail", org.hamcrest.Matchers.containsString("user.login"));
    }

    @Test
    void whileZabbixIsDownTheStatusSaysSoAndNothingIsLostOrDoubled() throws Exception {
        URI zabbix = URI.create(ZabbixFixture.URL);
        try (TcpProxy proxy = new TcpProxy(zabbix.getPort())) {
            String viaProxy = "http://127.0.0.1:" + proxy.port() + zabbix.getPath();
            long site = Api.site();
            ZabbixFixture.Monitored a = ZabbixFixture.monitoredHost("outage-a", "10.30.0.1", Map.of());
            ZabbixFixture.Monitored b = ZabbixFixture.monitoredHost("outage-b", "10.30.0.2", Map.of());
            long config = Api.post("/api/inventory/monitoring/configs", config(site, viaProxy, false));
            poll(config);
            long eventA = ZabbixFixture.pushUntil(a, "90", true, 0);
            poll(config);
            assertThat(alertsOf(config, a.host()))
                    .singleElement()
                    .satisfies(x -> assertThat(x).containsEntry("status", "open"));

            proxy.stop();
            // while the API is away: b raises a problem that opens and closes, a resolves
            long eventB = ZabbixFixture.pushUntil(b, "90", true, 0);
            ZabbixFixture.pushUntil(b, "10", false, eventB);
            ZabbixFixture.pushUntil(a, "10", false, eventA);
            JsonPath down = poll(config);
            assertThat(down.getString("status")).isEqualTo("down");
            assertThat(down.getString("detail")).contains("127.0.0.1:" + proxy.port());
            assertThat(down.getInt("failures")).isEqualTo(1);
            as(VIEWER)
                    .get("/api/inventory/monitoring/configs/" + config + "/status")
                    .then()
                    .body("status", equalTo("down"))
                    .body("last_success_at", org.hamcrest.Matchers.notNullValue());
            assertThat(alertsOf(config, a.host()))
                    .singleElement()
                    .satisfies(x -> assertThat(x).containsEntry("status", "open"));
            assertThat(alertsOf(config, b.host())).isEmpty();

            proxy.start();
            JsonPath up = poll(config);
            assertThat(up.getString("status")).isEqualTo("up");
            assertThat(up.getInt("failures")).isZero();
            assertThat(up.get("detail") == null).isTrue();
            assertThat(alertsOf(config, a.host()))
                    .singleElement()
                    .satisfies(x -> assertThat(x).containsEntry("status", "resolved"));
            assertThat(alertsOf(config, b.host()))
                    .singleElement()
                    .satisfies(x -> assertThat(x).containsEntry("status", "resolved"));
            poll(config);
            assertThat(alertsOf(config, a.host())).hasSize(1);
            assertThat(alertsOf(config, b.host())).hasSize(1);
        }
    }

    @Test
    void theSchedulerImportsAProblemWithinOnePollInterval() {
        long site = Api.site();
        ZabbixFixture.Monitored m = ZabbixFixture.monitoredHost("sched", "10.40.0.1", Map.of());
        long config = Api.post("/api/inventory/monitoring/configs", config(site, ZabbixFixture.URL, true));
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> as(VIEWER)
                        .get("/api/inventory/monitoring/configs/" + config + "/status")
                        .then()
                        .body("status", equalTo("up")));
        ZabbixFixture.pushUntil(m, "70", true, 0);
        long seen = System.nanoTime();
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> alertsOf(config, m.host()).size() == 1);
        long millis = (System.nanoTime() - seen) / 1_000_000;
        System.out.printf(
                "monitoring: problem visible in Zabbix -> alert in the inbox: %d ms (poll interval 5 s)%n", millis);
        editorWrites("PATCH", "/api/inventory/monitoring/configs/" + config, "{\"enabled\":false}")
                .statusCode(200)
                .body("enabled", equalTo(false));
    }

    @Test
    void badConfigurationsAreRefusedNamingTheField() {
        long site = Api.site();
        String base = "\"site_id\":" + site + ",\"poll_interval_seconds\":60";
        editorWrites(
                        "POST",
                        "/api/inventory/monitoring/configs",
                        "{" + base
                                + ",\"zabbix_url\":\"ftp://zabbix/api_jsonrpc.php\",\"auth_mode\":\"token\",\"api_token\":\"x\"}")
                .statusCode(400)
                .body("errors.field", hasItem("zabbix_url"));
        editorWrites(
                        "POST",
                        "/api/inventory/monitoring/configs",
                        "{" + base
                                + ",\"zabbix_url\":\"http://169.254.169.254/api_jsonrpc.php\",\"auth_mode\":\"token\",\"api_token\":\"x\"}")
                .statusCode(400)
                .body("errors.field", hasItem("zabbix_url"));
        editorWrites(
                        "POST",
                        "/api/inventory/monitoring/configs",
                        "{" + base + ",\"zabbix_url\":\"" + ZabbixFixture.URL + "\",\"auth_mode\":\"token\"}")
                .statusCode(400)
                .body("errors.field", hasItem("api_token"));
        editorWrites(
                        "POST",
                        "/api/inventory/monitoring/configs",
                        "{" + base + ",\"zabbix_url\":\"" + ZabbixFixture.URL
                                + "\",\"auth_mode\":\"password\",\"password\":\"p\"}")
                .statusCode(400)
                .body("errors.field", hasItem("username"));
        editorWrites(
                        "POST",
                        "/api/inventory/monitoring/configs",
                        "{\"site_id\":" + site + ",\"poll_interval_seconds\":1,\"zabbix_url\":\"" + ZabbixFixture.URL
                                + "\",\"auth_mode\":\"token\",\"api_token\":\"x\"}")
                .statusCode(400)
                .body("errors.field", hasItem("poll_interval_seconds"));
        as(VIEWER)
                .get("/api/inventory/monitoring/configs?site_id=" + site)
                .then()
                .body("count", equalTo(0));

        String token = ZabbixFixture.apiToken();
        long config = Api.post(
                "/api/inventory/monitoring/configs",
                "{" + base + ",\"zabbix_url\":\"" + ZabbixFixture.URL + "\",\"auth_mode\":\"token\",\"api_token\":\""
                        + token + "\"}");
        as(VIEWER)
                .get("/api/inventory/monitoring/configs/" + config)
                .then()
                .body("api_token_set", equalTo(true))
                .body("username", nullValue())
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("api_token")));
        as(EDITOR)
                .post("/api/inventory/monitoring/configs/" + config + "/test")
                .then()
                .statusCode(200)
                .body("status", equalTo("up"))
                .body("api_version", startsWith("6.0"));
        editorWrites(
                        "POST",
                        "/api/inventory/monitoring/configs",
                        "{" + base + ",\"zabbix_url\":\"" + ZabbixFixture.URL
                                + "\",\"auth_mode\":\"token\",\"api_token\":\"y\"}")
                .statusCode(409);
        // a token Zabbix does not know: auth_failed
        editorWrites(
                        "PATCH",
                        "/api/inventory/monitoring/configs/" + config,
                        "{\"api_token\":\"" + "0".repeat(64) + "\"}")
                .statusCode(200);
        as(EDITOR)
                .post("/api/inventory/monitoring/configs/" + config + "/test")
                .then()
                .body("status", equalTo("auth_failed"));
        as(VIEWER)
                .post("/api/inventory/monitoring/configs/" + config + "/test")
                .then()
                .statusCode(403);
    }

    private String cachedSession(long config) {
        return QuarkusTransaction.requiringNew().call(() -> PollState.<PollState>findById(config).sessionToken);
    }

    private String column(String sql, long id) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    private List<String> outboxTypes(long alertId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select event_type from outbox_event where event_type like 'inventory.alert.%' and subject = ? order by id")) {
            s.setString(1, Long.toString(alertId));
            try (ResultSet r = s.executeQuery()) {
                List<String> types = new java.util.ArrayList<>();
                while (r.next()) {
                    types.add(r.getString(1));
                }
                return types;
            }
        }
    }
}
