package io.infrasystem.mail.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/** Helpers of the mail tests: send through the API, wait for a status, read what the SMTP server got. */
public final class Mail {

    private Mail() {}

    /** @return a recipient address no other test uses */
    public static String uniqueAddress(String label) {
        return label + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** @return the response of {@code POST /api/mail/messages} with the given JSON body */
    public static Response post(String token, String json) {
        return Api.post(token, "/api/mail/messages", json);
    }

    /** @return the response of {@code POST /api/mail/messages} with an {@code Idempotency-Key} */
    public static Response post(String token, String idempotencyKey, String json) {
        return given().header("Authorization", token)
                .header("Idempotency-Key", idempotencyKey)
                .contentType("application/json")
                .body(json)
                .when()
                .post("/api/mail/messages");
    }

    /**
     * Posts a message with an {@code Idempotency-Key} and expects a 202.
     *
     * @param replayed the expected {@code Idempotent-Replayed} header
     * @return the id of the message answered
     */
    public static long queue(String token, String idempotencyKey, String json, boolean replayed) {
        return queuedId(
                post(token, idempotencyKey, json).then().header("Idempotent-Replayed", String.valueOf(replayed)));
    }

    /** @return the id of a simple text message to {@code to}, after a 202 */
    public static long send(String to, String subject) {
        return queuedId(post(Tokens.editor(), """
                {"to": ["%s"], "subject": "%s", "text": "Hello"}""".formatted(to, subject)).then());
    }

    /** @return the id of the message a {@code POST /api/mail/messages} queued, after checking its 202 */
    public static long queuedId(ValidatableResponse response) {
        return response.statusCode(202).extract().jsonPath().getLong("id");
    }

    /** @return the answer to an editor's {@code POST /api/mail/messages} of {@code json}, checked to be a 400 */
    public static ValidatableResponse refused(String json) {
        return post(Tokens.editor(), json).then().statusCode(400);
    }

    /** @return the message's detail */
    public static JsonPath get(long id) {
        return given().header("Authorization", Tokens.admin())
                .when()
                .get("/api/mail/messages/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Waits until the message has {@code status} and returns its detail. */
    public static JsonPath awaitStatus(long id, String status, Duration within) {
        awaitUntil(id, message -> status.equals(message.getString("status")), within);
        return get(id);
    }

    /** Waits until the message's detail meets {@code condition} (polled every 100 ms). */
    public static void awaitUntil(long id, Predicate<JsonPath> condition, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(100)).until(() -> condition.test(get(id)));
    }

    /** @return the messages in {@code address}'s mailbox on the SMTP server (to, cc and bcc alike) */
    public static List<MimeMessage> receivedBy(String address) {
        GreenMail server = SmtpServerResource.server();
        GreenMailUser user = server.getUserManager().getUserByEmail(address);
        if (user == null) {
            return List.of();
        }
        try {
            return server.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
                    .map(StoredMessage::getMimeMessage)
                    .map(MimeMessage.class::cast)
                    .toList();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }
}
