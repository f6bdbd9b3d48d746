package io.infrasystem.mail.channel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrasystem.mail.support.Api;
import io.infrasystem.mail.support.Mail;
import io.infrasystem.mail.support.Tokens;
import io.infrasystem.mail.support.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChannelTest {

    @Inject
    ObjectMapper json;

    @Inject
    DataSource dataSource;

    private static long createChannel(String body) {
        return Api.post(Tokens.admin(), "/api/mail/channels", body)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private static String name(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void webhookChannelReceivesTheMessageSignedAndRetriedAfterA500() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(1)) {
            String channel = name("ops-hook");
            createChannel("""
                    {"name": "%s", "kind": "webhook", "url": "%s", "secret": "hmac-secret"}""".formatted(channel, receiver.url("/hook")));
            given().header("Authorization", Tokens.admin())
                    .queryParam("name", channel)
                    .when()
                    .get("/api/mail/channels")
                    .then()
                    .statusCode(200)
                    .body("results[0].secret_set", equalTo(true))
                    .body("results[0]", not(hasKey("secret")));

            String to = Mail.uniqueAddress("hooked");
            long id = Mail.queuedId(
                    Mail.post(Tokens.editor(), """
                    {"to": ["%s"], "subject": "Backup failed on db01", "text": "exit code 2", "channel": "%s"}""".formatted(to, channel)).then());

            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.calls().size() == 2);
            WebhookReceiver.Call call = receiver.calls().get(1);
            JsonNode body = json.readTree(call.body());
            assertThat(body.get("subject").asText()).isEqualTo("Backup failed on db01");
            assertThat(body.get("id").asLong()).isEqualTo(id);
            String timestamp = call.header("X-Infra-Timestamp");
            assertThat(call.header("X-Infra-Signature-256"))
                    .isEqualTo("sha256=" + WebhookClient.sign("hmac-secret", timestamp + "." + call.body()));

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> "sent".equals(Mail.get(id).getString("channel_deliveries[0].status")));
            JsonPath detail = Mail.get(id);
            assertThat(detail.getInt("channel_deliveries[0].attempts")).isEqualTo(2);
            assertThat(detail.getString("channel_deliveries[0].channel")).isEqualTo(channel);
            Mail.awaitStatus(id, "sent", Duration.ofSeconds(20));
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(2))
                    .until(() -> receiver.calls().size() == 2);
        }
    }

    @Test
    void channelUrlsAndReceiverAnswersAreForAdministratorsOnly() throws Exception {
        String slack = name("slack-secret");
        long id = createChannel("""
                {"name": "%s", "kind": "slack", "url": "https://hooks.slack.example/services/T0/B0/s3cr3t-token"}""".formatted(slack));
        for (String reader : new String[] {Tokens.viewer(), Tokens.editor(), Tokens.sender("n8n")}) {
            String listed = given().header("Authorization", reader)
                    .queryParam("name", slack)
                    .get("/api/mail/channels")
                    .then()
                    .statusCode(200)
                    .body("results[0].url", equalTo(null))
                    .body("results[0].url_host", equalTo("hooks.slack.example"))
                    .body("results[0].url_set", equalTo(true))
                    .extract()
                    .asString();
            String single = given().header("Authorization", reader)
                    .get("/api/mail/channels/" + id)
                    .then()
                    .statusCode(200)
                    .body("url", equalTo(null))
                    .body("url_host", equalTo("hooks.slack.example"))
                    .extract()
                    .asString();
            assertThat(listed + single).doesNotContain("s3cr3t-token");
        }
        given().header("Authorization", Tokens.admin())
                .get("/api/mail/channels/" + id)
                .then()
                .body("url", equalTo("https://hooks.slack.example/services/T0/B0/s3cr3t-token"));

        try (WebhookReceiver receiver = new WebhookReceiver(1000)) {
            String hook = name("broken-hook");
            createChannel("""
                    {"name": "%s", "kind": "webhook", "url": "%s"}""".formatted(hook, receiver.url("/hook")));
            long message = Mail.queuedId(Mail.post(Tokens.editor(), """
                    {"to": ["%s"], "subject": "s", "text": "t", "channel": "%s"}""".formatted(Mail.uniqueAddress("h"), hook))
                    .then());
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> String.valueOf(Mail.get(message).getString("channel_deliveries[0].last_error"))
                            .contains("temporarily broken"));
            given().header("Authorization", Tokens.viewer())
                    .get("/api/mail/messages/" + message)
                    .then()
                    .statusCode(200)
                    .body("channel_deliveries[0].last_status_code", equalTo(500))
                    .body("channel_deliveries[0].last_error", equalTo(null));
        }
    }

    @Test
    void slackChannelTestCallPostsSlackJson() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            long id = createChannel("""
                    {"name": "%s", "kind": "slack", "url": "%s"}""".formatted(name("slack"), receiver.url("/services/T0/B0/x")));
            given().header("Authorization", Tokens.admin())
                    .when()
                    .post("/api/mail/channels/" + id + "/test")
                    .then()
                    .statusCode(200)
                    .body("ok", equalTo(true))
                    .body("status_code", equalTo(200));
            assertThat(receiver.calls()).hasSize(1);
            assertThat(json.readTree(receiver.calls().get(0).body()).get("text").asText())
                    .startsWith("*Infra-System test notification");
            assertThat(receiver.calls().get(0).header("X-Infra-Signature-256")).isNull();
        }
    }

    @Test
    void emailChannelAddsItsRecipientsAsBcc() {
        String member = Mail.uniqueAddress("oncall");
        String channel = name("oncall");
        createChannel("""
                {"name": "%s", "kind": "email", "recipients": ["%s"]}""".formatted(channel, member));
        String to = Mail.uniqueAddress("primary");
        long id = Mail.queuedId(
                Mail.post(Tokens.editor(), """
                {"to": ["%s"], "subject": "Page", "text": "t", "channel": "%s"}""".formatted(to, channel)).then());
        Mail.awaitStatus(id, "sent", Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> Mail.receivedBy(member).size() == 1);
        assertThat(Mail.receivedBy(to)).hasSize(1);
    }

    @Test
    void invalidChannelsAndUnknownChannelOnAMessageAreRefused() {
        Api.post(Tokens.admin(), "/api/mail/channels", "{\"name\": \"Bad!\", \"kind\": \"pager\"}")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("name", "kind"));
        Api.post(
                        Tokens.admin(),
                        "/api/mail/channels",
                        "{\"name\": \"hook\", \"kind\": \"webhook\", \"url\": \"ftp://example.com/x\"}")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("url"));
        Api.post(
                        Tokens.admin(),
                        "/api/mail/channels",
                        "{\"name\": \"mails\", \"kind\": \"email\", \"recipients\": [\"nope\"]}")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("recipients[0]"));
        Api.post(
                        Tokens.editor(),
                        "/api/mail/channels",
                        "{\"name\": \"x\", \"kind\": \"slack\", \"url\": \"https://hooks.example.com/x\"}")
                .then()
                .statusCode(403);
        Mail.refused("""
                {"to": ["a@example.com"], "subject": "s", "text": "t", "channel": "no-such-channel"}""").body("errors[0].field", equalTo("channel"));
    }

    @Test
    void channelsToInternalAddressesAreRefusedAtSaveAndAtSend() throws Exception {
        long before = channelCount();
        for (String url : new String[] {
            "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
            "http://127.0.0.2:8085/q/metrics",
            "http://[::1]:8085/",
            "http://10.0.0.1/hook",
            "http://172.16.5.4/hook",
            "http://[fd00:ec2::254]/"
        }) {
            Api.post(Tokens.admin(), "/api/mail/channels", """
                            {"name": "%s", "kind": "webhook", "url": "%s"}""".formatted(name("ssrf"), url))
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"));
        }
        assertThat(channelCount()).isEqualTo(before);

        // a URL stored by other means (an older version, a changed DNS answer) is refused before the call
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            String hook = name("moved-hook");
            long id = createChannel("""
                    {"name": "%s", "kind": "webhook", "url": "%s"}""".formatted(hook, receiver.url("/hook")));
            try (Connection c = dataSource.getConnection();
                    PreparedStatement update =
                            c.prepareStatement("update notification_channel set url = ? where id = ?")) {
                update.setString(1, "http://169.254.169.254/latest/meta-data/");
                update.setLong(2, id);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            long message = Mail.queuedId(Mail.post(Tokens.editor(), """
                    {"to": ["%s"], "subject": "s", "text": "t", "channel": "%s"}""".formatted(Mail.uniqueAddress("m"), hook))
                    .then());
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> String.valueOf(Mail.get(message).getString("channel_deliveries[0].last_error"))
                            .contains("refused: host 169.254.169.254"));
            assertThat(receiver.calls()).isEmpty();
        }
    }

    private long channelCount() throws Exception {
        try (Connection c = dataSource.getConnection();
                ResultSet r = c.createStatement().executeQuery("select count(*) from notification_channel")) {
            r.next();
            return r.getLong(1);
        }
    }
}
