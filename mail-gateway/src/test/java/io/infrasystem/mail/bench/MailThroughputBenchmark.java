package io.infrasystem.mail.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.infrasystem.mail.support.SmtpServerResource;
import io.infrasystem.mail.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Throughput of mail-gateway against a bare Jakarta Mail send loop, both to the same in-process
 * GreenMail server, in one run ({@code ./mvnw -pl mail-gateway verify -Pbench}). Not a test: it
 * prints its figures. Sizes: {@code -Dbench.messages} (default 2000), {@code -Dbench.clients} (8).
 */
@QuarkusTest
class MailThroughputBenchmark {

    private static final int MESSAGES = Integer.getInteger("bench.messages", 2000);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    private static final int WARM_UP = 200;

    @TestHTTPResource("/api/mail/messages")
    URL messages;

    @Inject
    DataSource dataSource;

    @Test
    void gatewayAgainstBareJakartaMail() throws Exception {
        setHighRate();
        bareLoop(WARM_UP, "warm");
        double bare = bareLoop(MESSAGES, "bare");

        long sentBefore = sentCount();
        queue(WARM_UP, "warmgw");
        awaitSent(sentBefore + WARM_UP);

        sentBefore = sentCount();
        long start = System.nanoTime();
        queue(MESSAGES, "gw");
        double queuedSeconds = (System.nanoTime() - start) / 1e9;
        awaitSent(sentBefore + MESSAGES);
        double deliveredSeconds = (System.nanoTime() - start) / 1e9;

        System.out.printf(
                "%n=== mail-gateway throughput, %d messages, %d HTTP clients, GreenMail on 127.0.0.1:%d ===%n",
                MESSAGES, CLIENTS, SmtpServerResource.port());
        System.out.printf("reference: bare Jakarta Mail loop, one connection  %8.1f messages/s%n", bare);
        System.out.printf(
                "gateway:   queued (POST /api/mail/messages → 202)  %8.1f messages/s (%.2f s)%n",
                MESSAGES / queuedSeconds, queuedSeconds);
        System.out.printf(
                "gateway:   delivered (first POST → last sent)      %8.1f messages/s (%.2f s)%n",
                MESSAGES / deliveredSeconds, deliveredSeconds);
        System.out.printf("gateway delivered / bare reference: %.2f%n%n", MESSAGES / deliveredSeconds / bare);
    }

    private static double bareLoop(int count, String label) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(SmtpServerResource.port()));
        Session session = Session.getInstance(properties);
        long start = System.nanoTime();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (int i = 0; i < count; i++) {
                MimeMessage message = new MimeMessage(session);
                message.setFrom(new InternetAddress("noreply@infra-system.local"));
                message.setRecipient(Message.RecipientType.TO, new InternetAddress(label + i + "@bench.example.com"));
                message.setSubject("bench " + i);
                message.setText("Hello from the reference loop");
                message.saveChanges();
                transport.sendMessage(message, message.getAllRecipients());
            }
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private void queue(int count, String label) throws Exception {
        String token = Tokens.editor();
        try (HttpClient http = HttpClient.newHttpClient();
                ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String body = "{\"to\": [\"" + label + i + "@bench.example.com\"], \"subject\": \"bench " + i
                        + "\", \"text\": \"Hello from the gateway\"}";
                HttpRequest request = HttpRequest.newBuilder(messages.toURI())
                        .header("Authorization", token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
                results.add(pool.submit(() -> http.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode()));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(202);
            }
        }
    }

    private void awaitSent(long expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (sentCount() < expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + sentCount() + " of " + expected + " sent after 5 minutes");
            }
            Thread.sleep(20);
        }
    }

    private long sentCount() throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select count(*) from mail_message where status = 'SENT'")) {
            r.next();
            return r.getLong(1);
        }
    }

    private void setHighRate() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            String body = "{\"host\": \"127.0.0.1\", \"port\": " + SmtpServerResource.port()
                    + ", \"tls_mode\": \"none\", \"from_address\": \"noreply@infra-system.local\", \"rate_per_minute\": 100000}";
            int status = http.send(
                            HttpRequest.newBuilder(
                                            URI.create(messages.toString().replace("/messages", "/settings")))
                                    .header("Authorization", Tokens.admin())
                                    .header("Content-Type", "application/json")
                                    .PUT(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            assertThat(status).isEqualTo(200);
        }
    }
}
