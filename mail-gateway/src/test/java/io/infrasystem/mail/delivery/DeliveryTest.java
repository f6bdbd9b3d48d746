package io.infrasystem.mail.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.infrasystem.commons.persistence.Jdbc;
import io.infrasystem.commons.security.Actor;
import io.infrasystem.commons.testing.KafkaTestConsumer;
import io.infrasystem.mail.message.MessageService;
import io.infrasystem.mail.message.Submitter;
import io.infrasystem.mail.message.ValidatedMessage;
import io.infrasystem.mail.smtp.Address;
import io.infrasystem.mail.support.Mail;
import io.infrasystem.mail.support.RejectingSmtpServer;
import io.infrasystem.mail.support.SmtpServerResource;
import io.infrasystem.mail.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeliveryTest {

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    DeliveryClaims claims;

    @Inject
    MessageService messages;

    /** Runs {@code during} with the SMTP server stopped, and starts it again whatever happens. */
    private static <T> T whileSmtpIsDown(Callable<T> during) throws Exception {
        SmtpServerResource.stopServer();
        try {
            return during.call();
        } finally {
            SmtpServerResource.startAgain();
        }
    }

    @Test
    void messageArrivesWithItsHeadersBodiesAndAttachment() throws Exception {
        String to = Mail.uniqueAddress("to");
        String cc = Mail.uniqueAddress("cc");
        String bcc = Mail.uniqueAddress("bcc");
        byte[] pdf = "%PDF-1.4\n% a small test file\n".getBytes(StandardCharsets.US_ASCII);
        long id = Mail.queuedId(Mail.post(Tokens.editor(), """
                {"to": ["Zoë Ops <%s>"], "cc": ["%s"], "bcc": ["%s"], "reply_to": "helpdesk@example.com",
                 "subject": "Rack B3 – power feed A lost", "text": "Feed A is down.", "html": "<p>Feed <b>A</b> is down.</p>",
                 "attachments": [{"file_name": "feed-a.pdf", "content_type": "application/pdf", "content": "%s"}]}""".formatted(
                                to, cc, bcc, Base64.getEncoder().encodeToString(pdf)))
                .then());

        JsonPath sent = Mail.awaitStatus(id, "sent", Duration.ofSeconds(20));
        assertThat(sent.getList("delivery_attempts")).hasSize(1);
        assertThat(sent.getInt("delivery_attempts[0].reply_code")).isEqualTo(250);
        assertThat(sent.getString("delivery_attempts[0].outcome")).isEqualTo("sent");
        assertThat(sent.getString("sent_at")).isNotNull();

        await().atMost(Duration.ofSeconds(5)).until(() -> Mail.receivedBy(bcc).size() == 1);
        MimeMessage received = Mail.receivedBy(to).get(0);
        assertThat(Mail.receivedBy(to)).hasSize(1);
        assertThat(Mail.receivedBy(cc)).hasSize(1);
        assertThat(received.getSubject()).isEqualTo("Rack B3 – power feed A lost");
        assertThat(received.getHeader("Message-ID")[0]).isEqualTo(sent.getString("message_id"));
        assertThat(received.getHeader("From")[0]).contains("noreply@infra-system.local");
        assertThat(received.getHeader("To")[0]).contains(to);
        assertThat(received.getHeader("Cc")[0]).contains(cc);
        assertThat(received.getHeader("Bcc")).isNull();
        assertThat(received.getHeader("Reply-To")[0]).isEqualTo("helpdesk@example.com");
        assertThat(received.getRecipients(jakarta.mail.Message.RecipientType.TO)[0].toString())
                .contains("Zo");

        List<Part> parts = new ArrayList<>();
        flatten(received, parts);
        assertThat(parts).anySatisfy(p -> {
            assertThat(p.isMimeType("text/plain")).isTrue();
            assertThat(p.getContent().toString()).contains("Feed A is down.");
        });
        assertThat(parts).anySatisfy(p -> {
            assertThat(p.isMimeType("text/html")).isTrue();
            assertThat(p.getContent().toString()).contains("<b>A</b>");
        });
        assertThat(parts).anySatisfy(p -> {
            assertThat(p.getFileName()).isEqualTo("feed-a.pdf");
            assertThat(p.isMimeType("application/pdf")).isTrue();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            p.getDataHandler().writeTo(bytes);
            assertThat(bytes.toByteArray()).isEqualTo(pdf);
        });
    }

    @Test
    void sameIdempotencyKeyTwiceQueuesAndSendsOneEmail() {
        String to = Mail.uniqueAddress("idem");
        String body = "{\"to\":[\"" + to + "\"],\"subject\":\"once\",\"text\":\"only once\"}";
        long first = Mail.queue(Tokens.sender("billing"), "invoice-42", body, false);
        long second = Mail.queue(Tokens.sender("billing"), "invoice-42", body, true);
        long otherSender =
                Mail.queue(Tokens.sender("crm"), "invoice-42", body.replace(to, Mail.uniqueAddress("crm")), false);

        assertThat(second).isEqualTo(first);
        assertThat(otherSender).isNotEqualTo(first);
        Mail.awaitStatus(first, "sent", Duration.ofSeconds(20));
        assertThat(Mail.receivedBy(to)).hasSize(1);
        given().header("Authorization", Tokens.admin())
                .queryParam("recipient", to)
                .when()
                .get("/api/mail/messages")
                .then()
                .statusCode(200)
                .body("count", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void smtpDownMakesTransientAttemptsAndTheMessageIsDeliveredOnceWhenItComesBack() throws Exception {
        String to = Mail.uniqueAddress("outage");
        long id = whileSmtpIsDown(() -> {
            long queued = Mail.send(to, "during the outage");
            Mail.awaitUntil(queued, message -> message.getInt("attempts") >= 2, Duration.ofSeconds(20));
            JsonPath retrying = Mail.get(queued);
            assertThat(retrying.getString("status")).isIn("retrying", "sending");
            assertThat(retrying.getString("delivery_attempts[0].outcome")).isEqualTo("transient");
            assertThat(retrying.getString("delivery_attempts[0].reply_code")).isNull();
            assertThat(retrying.getString("delivery_attempts[0].reply_text")).isNotBlank();
            assertThat(retrying.getString("last_error")).isNotBlank();
            return queued;
        });
        JsonPath sent = Mail.awaitStatus(id, "sent", Duration.ofSeconds(20));
        List<String> outcomes = sent.getList("delivery_attempts.outcome");
        assertThat(outcomes).last().isEqualTo("sent");
        assertThat(outcomes.subList(0, outcomes.size() - 1)).containsOnly("transient");
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(3))
                .until(() -> Mail.receivedBy(to).size() == 1);
    }

    @Test
    void permanent550ReplyEndsAsFailedWithTheReplyLoggedAndAnAdminCanRetryIt() throws Exception {
        String to = Mail.uniqueAddress("unknown-user");
        long id;
        try (RejectingSmtpServer rejecting = new RejectingSmtpServer()) {
            putSettings(rejecting.port());
            try {
                id = Mail.send(to, "to nobody");
                JsonPath failed = Mail.awaitStatus(id, "failed", Duration.ofSeconds(20));
                assertThat(failed.getList("delivery_attempts")).hasSize(1);
                assertThat(failed.getInt("delivery_attempts[0].reply_code")).isEqualTo(550);
                assertThat(failed.getString("delivery_attempts[0].reply_text")).contains("User unknown");
                assertThat(failed.getString("delivery_attempts[0].outcome")).isEqualTo("permanent");
                assertThat(failed.getInt("last_reply_code")).isEqualTo(550);
            } finally {
                putSettings(SmtpServerResource.port());
            }
        }
        given().header("Authorization", Tokens.admin())
                .when()
                .post("/api/mail/messages/" + id + "/retry")
                .then()
                .statusCode(202);
        JsonPath sent = Mail.awaitStatus(id, "sent", Duration.ofSeconds(20));
        assertThat(sent.getList("delivery_attempts.outcome")).containsExactly("permanent", "sent");
        assertThat(Mail.receivedBy(to)).hasSize(1);
    }

    @Test
    void messageLeftSendingByADeadInstanceIsResumedAndSentOnce() throws Exception {
        String to = Mail.uniqueAddress("crash");
        long id = whileSmtpIsDown(() -> {
            long queued = Mail.send(to, "resumed after a crash");
            Mail.awaitUntil(
                    queued,
                    message -> message.getInt("attempts") >= 1 && "retrying".equals(message.getString("status")),
                    Duration.ofSeconds(20));
            int marked = Jdbc.withConnection(
                    dataSource,
                    jdbc -> jdbc.update(
                            "update mail_message set status = 'SENDING', claimed_by = 'dead-instance', claimed_at = ? "
                                    + "where id = ?",
                            Jdbc.values(Instant.now().minusSeconds(2), queued)));
            assertThat(marked).isEqualTo(1);
            return queued;
        });
        // not before the claim timeout (4 s in tests): the dead instance might still be sending
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(2))
                .until(() -> "sending".equals(Mail.get(id).getString("status")));
        JsonPath sent = Mail.awaitStatus(id, "sent", Duration.ofSeconds(20));
        assertThat(sent.getString("delivery_attempts[-1].instance")).isEqualTo("test-worker");
        assertThat(Mail.receivedBy(to)).hasSize(1);
    }

    @Test
    void concurrentClaimsOfTwoInstancesNeverTakeTheSameMessage() throws Exception {
        String domain = "claims-" + System.nanoTime() + ".example.com";
        List<String> recipients = new ArrayList<>();
        // on a thread of its own, as the worker and consumers run: no HTTP request, the system acts
        CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
                    for (int i = 0; i < 30; i++) {
                        String to = "r" + i + "@" + domain;
                        recipients.add(to);
                        messages.submit(
                                new ValidatedMessage(
                                        List.of(Address.parse(to)),
                                        List.of(),
                                        List.of(),
                                        null,
                                        "claim " + i,
                                        "t",
                                        null,
                                        null,
                                        null,
                                        null,
                                        List.of(),
                                        null),
                                new Submitter(Actor.system("test"), "api", null, "test"),
                                null);
                    }
                }))
                .get();
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<List<Long>> a = CompletableFuture.supplyAsync(() -> claim(start, "instance-a"));
        CompletableFuture<List<Long>> b = CompletableFuture.supplyAsync(() -> claim(start, "instance-b"));
        start.countDown();
        Set<Long> byA = new HashSet<>(a.get());
        Set<Long> byB = new HashSet<>(b.get());
        assertThat(byA.size() + byB.size())
                .as("the two instances claimed something")
                .isPositive();
        assertThat(java.util.Collections.disjoint(byA, byB))
                .as("claimed by A %s and by B %s", byA, byB)
                .isTrue();

        // whatever the two "instances" claimed and never finished is resumed after the claim timeout
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() ->
                        recipients.stream().allMatch(r -> Mail.receivedBy(r).size() == 1));
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(2))
                .until(() ->
                        recipients.stream().allMatch(r -> Mail.receivedBy(r).size() == 1));
    }

    @Test
    void aBatchOfMessagesGetsOneAttemptOneAuditEntryAndOneMailEach() throws Exception {
        String domain = "batch-" + System.nanoTime() + ".example.com";
        List<Long> ids = new ArrayList<>();
        // queued in one transaction, so the worker finds them together: a full batch (20) and a rest
        CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
                    for (int i = 0; i < 25; i++) {
                        ids.add(messages.submit(
                                        new ValidatedMessage(
                                                List.of(Address.parse("b" + i + "@" + domain)),
                                                List.of(),
                                                List.of(),
                                                null,
                                                "batch " + i,
                                                "t",
                                                null,
                                                null,
                                                null,
                                                null,
                                                List.of(),
                                                null),
                                        new Submitter(Actor.system("test"), "api", null, "test"),
                                        null)
                                .message()
                                .id);
                    }
                }))
                .get();
        for (int i = 0; i < ids.size(); i++) {
            JsonPath sent = Mail.awaitStatus(ids.get(i), "sent", Duration.ofSeconds(30));
            assertThat(sent.getList("delivery_attempts.attempt_no")).containsExactly(1);
            assertThat(sent.getList("delivery_attempts.outcome")).containsExactly("sent");
            assertThat(Mail.receivedBy("b" + i + "@" + domain)).hasSize(1);
            given().header("Authorization", Tokens.admin())
                    .when()
                    .get("/api/mail/audit?resource_type=message&resource_id=" + ids.get(i) + "&action=sent")
                    .then()
                    .statusCode(200)
                    .body("count", org.hamcrest.Matchers.equalTo(1));
        }
    }

    @Test
    void messagesWaitWhileTheRateIsUsedUpAndLeaveInTheOrderQueued() {
        putSettings(SmtpServerResource.port(), 1);
        List<Long> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                ids.add(Mail.send(Mail.uniqueAddress("rate"), "rate " + i));
            }
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> ids.stream()
                                    .filter(id -> "sent".equals(Mail.get(id).getString("status")))
                                    .count()
                            <= 1);
            assertThat(Mail.get(ids.get(1)).getString("status")).isEqualTo("queued");
            assertThat(Mail.get(ids.get(2)).getString("status")).isEqualTo("queued");
        } finally {
            putSettings(SmtpServerResource.port());
        }
        List<java.time.Instant> sentAt = ids.stream()
                .map(id -> java.time.Instant.parse(
                        Mail.awaitStatus(id, "sent", Duration.ofSeconds(20)).getString("sent_at")))
                .toList();
        assertThat(sentAt).isSorted();
    }

    @Test
    void queuedAndSentEventsArePublishedThroughTheOutbox() throws Exception {
        String to = Mail.uniqueAddress("events");
        long id = Mail.send(to, "with events");
        Mail.awaitStatus(id, "sent", Duration.ofSeconds(20));
        try (KafkaTestConsumer consumer = new KafkaTestConsumer(bootstrap, "mail.events")) {
            List<ConsumerRecord<String, String>> events = consumer.await(
                    2,
                    Duration.ofSeconds(30),
                    r -> Long.toString(id).equals(r.key()) && r.value().contains(to));
            assertThat(events)
                    .extracting(r -> header(r, "ce_type"))
                    .containsExactly("mail.message.queued", "mail.message.sent");
            assertThat(events.get(1).value()).contains("\"status\":\"sent\"").doesNotContain("Hello");
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private List<Long> claim(CountDownLatch start, String instance) {
        try {
            start.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return claims.claim(instance, 10, 100_000, Duration.ofSeconds(4));
    }

    private static void putSettings(int port) {
        putSettings(port, 6000);
    }

    private static void putSettings(int port, int ratePerMinute) {
        given().header("Authorization", Tokens.admin())
                .contentType("application/json")
                .body("""
                {"host": "127.0.0.1", "port": %d, "tls_mode": "none", "from_address": "Infra-System <noreply@infra-system.local>",
                 "rate_per_minute": %d}""".formatted(port, ratePerMinute))
                .when()
                .put("/api/mail/settings")
                .then()
                .statusCode(200);
    }

    private static void flatten(Part part, List<Part> into) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                flatten(multipart.getBodyPart(i), into);
            }
        } else {
            into.add(part);
        }
    }
}
