package io.infrasystem.mail.message;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.infrasystem.commons.testing.TestDatabase;
import io.infrasystem.mail.support.Mail;
import io.infrasystem.mail.support.SmtpServerResource;
import io.infrasystem.mail.support.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.MariaDb.class)
@QuarkusTestResource(SmtpServerResource.class)
class MessageApiTest {

    @Inject
    DataSource dataSource;

    @Test
    void validMessageIsQueuedWith202LocationAndItsSummary() {
        String to = Mail.uniqueAddress("ops");
        var response = Mail.post(Tokens.sender("n8n"), """
                {"to": ["Ops Team <%s>"], "subject": "Disk almost full", "text": "sda1 at 93%%"}""".formatted(to));
        response.then()
                .statusCode(202)
                .header("Location", containsString("/api/mail/messages/"))
                .header("Idempotent-Replayed", "false")
                .body("id", notNullValue())
                .body("to[0]", equalTo("Ops Team <" + to + ">"))
                .body("sender", equalTo("n8n"))
                .body("sender_type", equalTo("api_key"))
                .body("origin", equalTo("api"))
                .body("message_id", containsString("@infra-system.local>"));
        long id = response.jsonPath().getLong("id");
        assertThat(Mail.get(id).getString("text")).isEqualTo("sda1 at 93%");
    }

    @Test
    void invalidAddressesAreRefusedNamingEachFieldAndNothingIsQueued() {
        long before = messages();
        Mail.refused("""
                {"to": ["not an address", "a@b@c.example", "ok@example.com"], "cc": ["x@example.com, y@example.com"],
                 "bcc": ["Group: a@example.com;"], "reply_to": "bad reply", "subject": "s", "text": "t"}""")
                .contentType("application/problem+json")
                .body("errors.field", hasItems("to[0]", "to[1]", "cc[0]", "bcc[0]", "reply_to"))
                .body("errors.field.size()", equalTo(5));
        assertThat(messages()).isEqualTo(before);
    }

    @Test
    void lineBreakInSubjectOrAddressIsHeaderInjectionAndRefused() {
        Mail.refused("""
                {"to": ["a@example.com"], "subject": "Hello\\r\\nBcc: victim@example.com", "text": "t"}""")
                .body("errors[0].field", equalTo("subject"))
                .body("errors[0].message", containsString("one line"));
        Mail.refused("""
                {"to": ["a@example.com\\r\\nBcc: victim@example.com"], "subject": "s", "text": "t"}""")
                .body("errors[0].field", equalTo("to[0]"))
                .body("errors[0].message", containsString("line breaks"));
        Mail.refused("""
                {"to": ["a@example.com"], "subject": "s", "text": "t",
                 "attachments": [{"file_name": "x.txt\\r\\nContent-Type: text/html", "content_type": "text/plain", "content": "eA=="}]}""").body("errors[0].field", equalTo("attachments[0].file_name"));
    }

    @Test
    void messageWithoutBodyOrRecipientsIsRefused() {
        Mail.refused("""
                {"to": ["a@example.com"], "subject": "s", "text": "  "}""").body("errors[0].field", equalTo("text"));
        Mail.refused("""
                {"subject": "s", "text": "t"}""").body("errors[0].field", equalTo("to"));
        Mail.refused("");
    }

    @Test
    void unknownTemplateIsRefused() {
        Mail.refused("""
                {"to": ["a@example.com"], "template": "no-such-template", "variables": {"a": 1}}""")
                .body("errors[0].field", equalTo("template"))
                .body("errors[0].message", containsString("unknown template"));
    }

    @Test
    void oversizeAttachmentsAndBadBase64AreRefused() {
        String big = Base64.getEncoder().encodeToString(new byte[700_000]);
        long before = messages();
        Mail.refused("""
                {"to": ["a@example.com"], "subject": "s", "text": "t", "attachments": [
                  {"file_name": "a.bin", "content_type": "application/octet-stream", "content": "%s"},
                  {"file_name": "b.bin", "content_type": "application/octet-stream", "content": "%s"}]}""".formatted(big, big))
                .body("errors[0].field", equalTo("attachments"))
                .body("errors[0].message", containsString("exceeds the limit of 1048576 bytes"));
        Mail.refused("""
                {"to": ["a@example.com"], "subject": "s", "text": "t", "attachments": [
                  {"file_name": "a.bin", "content_type": "not a type", "content": "***"}]}""").body("errors.field", hasItems("attachments[0].content", "attachments[0].content_type"));
        assertThat(messages()).isEqualTo(before);
    }

    @Test
    void tooManyRecipientsAreRefused() {
        String to = IntStream.range(0, 60)
                .mapToObj(i -> "\"to" + i + "@example.com\"")
                .collect(Collectors.joining(","));
        String cc = IntStream.range(0, 41)
                .mapToObj(i -> "\"cc" + i + "@example.com\"")
                .collect(Collectors.joining(","));
        Mail.refused("""
                {"to": [%s], "cc": [%s], "subject": "s", "text": "t"}""".formatted(to, cc))
                .body("errors[0].field", equalTo("to"))
                .body("errors[0].message", containsString("too many recipients: 101"));
    }

    @Test
    void idempotencyKeyReturnsTheFirstMessageOnlyWithinItsWindow() throws SQLException {
        String body = "{\"to\":[\"" + Mail.uniqueAddress("window") + "\"],\"subject\":\"s\",\"text\":\"t\"}";
        String key = "window-" + System.nanoTime();
        long first = Mail.queuedId(Mail.post(Tokens.sender("window"), key, body).then());
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            assertThat(s.executeUpdate(
                            "update idempotency_key set expires_at = '2020-01-01 00:00:00' where idem_key = '" + key
                                    + "'"))
                    .isEqualTo(1);
        }
        long afterWindow = Mail.queue(Tokens.sender("window"), key, body, false);
        assertThat(afterWindow).isNotEqualTo(first);
        long replay = Mail.queue(Tokens.sender("window"), key, body, true);
        assertThat(replay).isEqualTo(afterWindow);
    }

    @Test
    void badIdempotencyKeyIsRefused() {
        Mail.post(Tokens.editor(), "has space", "{\"to\":[\"a@example.com\"],\"subject\":\"s\",\"text\":\"t\"}")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void viewerReadsTheLogButCannotSendAndAnonymousGets401() {
        Mail.post(Tokens.viewer(), "{\"to\":[\"a@example.com\"],\"subject\":\"s\",\"text\":\"t\"}")
                .then()
                .statusCode(403);
        given().header("Authorization", Tokens.viewer())
                .when()
                .get("/api/mail/messages")
                .then()
                .statusCode(200);
        given().when().get("/api/mail/messages").then().statusCode(401);
        given().header("Authorization", Tokens.editor())
                .when()
                .post("/api/mail/messages/1/retry")
                .then()
                .statusCode(403);
    }

    @Test
    void transactionLogFiltersByRecipientStatusSenderAndTime() {
        String to = Mail.uniqueAddress("filter");
        long first = Mail.send(to, "first");
        long second = Mail.send(to, "second");
        Mail.awaitStatus(second, "sent", Duration.ofSeconds(20));
        Mail.awaitStatus(first, "sent", Duration.ofSeconds(20));

        given().header("Authorization", Tokens.viewer())
                .queryParam("recipient", to.toUpperCase())
                .queryParam("status", "sent")
                .queryParam("sender", "alice")
                .queryParam("created_at__gte", "2020-01-01T00:00:00Z")
                .queryParam("ordering", "created_at")
                .when()
                .get("/api/mail/messages")
                .then()
                .statusCode(200)
                .body("count", equalTo(2))
                .body("results.id", equalTo(List.of((int) first, (int) second)))
                .body("results[0].subject", equalTo("first"));
        given().header("Authorization", Tokens.viewer())
                .queryParam("recipient", to)
                .queryParam("limit", 1)
                .when()
                .get("/api/mail/messages")
                .then()
                .statusCode(200)
                .body("count", equalTo(2))
                .body("results.size()", equalTo(1))
                .body("next", containsString("offset=1"));
        given().header("Authorization", Tokens.viewer())
                .queryParam("colour", "red")
                .queryParam("status", "lost")
                .when()
                .get("/api/mail/messages")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("colour", "status"));
    }

    @Test
    void unknownMessageIs404AndRetryOfASentMessageIs409() {
        given().header("Authorization", Tokens.admin())
                .when()
                .get("/api/mail/messages/999999999")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        long id = Mail.send(Mail.uniqueAddress("retry"), "retry me");
        Mail.awaitStatus(id, "sent", Duration.ofSeconds(20));
        given().header("Authorization", Tokens.admin())
                .when()
                .post("/api/mail/messages/" + id + "/retry")
                .then()
                .statusCode(409);
    }

    private long messages() {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select count(*) from mail_message")) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
