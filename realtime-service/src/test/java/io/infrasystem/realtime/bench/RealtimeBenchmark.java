package io.infrasystem.realtime.bench;

import io.infrasystem.commons.outbox.Outbox;
import io.infrasystem.commons.outbox.OutboxMessage;
import io.infrasystem.commons.testing.TestDatabase;
import io.infrasystem.realtime.fanout.DropReason;
import io.infrasystem.realtime.fanout.RealtimeMetrics;
import io.infrasystem.realtime.fanout.Transport;
import io.infrasystem.realtime.support.TestEvents;
import io.infrasystem.realtime.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The benchmark in one run (-Pbench): (1) end-to-end latency from an outbox write
 * (commons-data Outbox + OutboxRelay on PostgreSQL, as a service's REST write does) to receipt by
 * WebSocket clients, at 200 writes/s with 1,000 connected clients; (2) raw Kafka produce→consume
 * latency on the same broker at the same rate, as reference; (3) broadcast of the same messages to
 * 5,000 WebSocket clients through the service and through a bare Vert.x WebSocket server.
 * Clients run in the same JVM (and on the same two cores) as the server.
 */
@QuarkusTest
@TestProfile(BenchProfile.class)
@QuarkusTestResource(value = TestDatabase.class, initArgs = @ResourceArg(name = "kind", value = "postgresql"))
class RealtimeBenchmark {

    private static final int RATE = 200;
    private static final Duration E2E_DURATION = Duration.ofSeconds(20);
    private static final int E2E_CLIENTS = 1_000;
    private static final int ENTITIES = 100;
    private static final int BROADCAST_CLIENTS = 5_000;
    private static final int BROADCAST_MESSAGES = 100;
    private static final int BROADCAST_RATE = 10;
    private static final String PAD = "x".repeat(400);

    @Inject
    Outbox outbox;

    @Inject
    RealtimeMetrics metrics;

    @Test
    void figures() throws Exception {
        Vertx clientVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        try {
            System.out.println("\n=== realtime-service benchmark " + Instant.now() + " ===");
            String raw = rawKafka();
            System.out.println("(2) raw Kafka produce->consume, " + RATE + " msg/s:  " + raw);
            String e2e = endToEnd(clientVertx);
            System.out.println(
                    "(1) outbox write -> WebSocket, " + RATE + " writes/s, " + E2E_CLIENTS + " clients: " + e2e);
            String[] broadcast = broadcast(clientVertx);
            System.out.println("(3) broadcast to " + BROADCAST_CLIENTS + " clients, realtime-service: " + broadcast[0]);
            System.out.println(
                    "(3) broadcast to " + BROADCAST_CLIENTS + " clients, bare Vert.x:       " + broadcast[1]);
            System.out.println(broadcast[2]);
            System.out.println("=== end ===\n");
        } finally {
            clientVertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    private double rawP99;

    /** Reference: a producer and a consumer on the same broker, acks=all, 200 msg/s for 10 s. */
    private String rawKafka() throws Exception {
        String topic = "bench-raw-" + UUID.randomUUID();
        int messages = RATE * 10;
        LatencyRecorder recorder = new LatencyRecorder(messages);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                TestEvents.broker(),
                                ProducerConfig.ACKS_CONFIG,
                                "all",
                                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                                true,
                                ProducerConfig.LINGER_MS_CONFIG,
                                0),
                        new StringSerializer(),
                        new StringSerializer());
                KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                TestEvents.broker(),
                                ConsumerConfig.GROUP_ID_CONFIG,
                                "bench-" + UUID.randomUUID(),
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                                "earliest"),
                        new StringDeserializer(),
                        new StringDeserializer())) {
            producer.send(new ProducerRecord<>(topic, "warm", "-1")).get();
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            Thread reader = Thread.ofPlatform().start(() -> {
                while (recorder.count() < messages) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        long sent = Long.parseLong(record.value());
                        if (sent > 0) {
                            recorder.record(sent);
                        }
                    }
                }
            });
            pace(
                    messages,
                    i -> producer.send(
                            new ProducerRecord<>(topic, "k" + (i % ENTITIES), Long.toString(System.nanoTime()))));
            reader.join(Duration.ofSeconds(30));
        }
        rawP99 = recorder.percentileMs(0.99);
        return recorder.summary();
    }

    /** 1,000 clients, each subscribed to bench.* and one of 100 entities; 200 outbox writes/s. */
    private String endToEnd(Vertx clientVertx) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        int writes = (int) (RATE * E2E_DURATION.toSeconds());
        LatencyRecorder recorder = new LatencyRecorder(writes * (E2E_CLIENTS / ENTITIES) + 1000);
        try (BenchClients clients = new BenchClients(clientVertx)) {
            clients.connect(
                    E2E_CLIENTS,
                    RestAssured.port,
                    i -> "/api/realtime/ws?types=bench.*&subjects=" + run + "-" + (i % ENTITIES),
                    Tokens.benchReader());
            // warm-up: the topic exists and is read before measuring
            LatencyRecorder warm = new LatencyRecorder(100_000);
            clients.recordInto(warm);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (warm.count() == 0 && System.nanoTime() < deadline) {
                write(run + "-0");
                Thread.sleep(200);
            }
            Thread.sleep(1000);
            clients.recordInto(recorder);
            ExecutorService writers = Executors.newFixedThreadPool(4);
            long started = System.nanoTime();
            pace(writes, i -> writers.submit(() -> write(run + "-" + (i % ENTITIES))));
            writers.shutdown();
            writers.awaitTermination(60, TimeUnit.SECONDS);
            double achieved = writes / ((System.nanoTime() - started) / 1e9);
            int expected = writes * (E2E_CLIENTS / ENTITIES);
            waitUntil(() -> recorder.count() >= expected, Duration.ofSeconds(60));
            double p99 = recorder.percentileMs(0.99);
            double target = 3 * rawP99 + 50;
            return recorder.summary()
                    + String.format(
                            " (deliveries %d of %d, writes/s achieved %.0f;"
                                    + " target p99 <= 3 x raw p99 + 50 = %.2f ms: %s)",
                            recorder.count(), expected, achieved, target, p99 <= target ? "met" : "MISSED");
        }
    }

    private void write(String subject) {
        QuarkusTransaction.requiringNew()
                .run(() -> outbox.add(new OutboxMessage(
                        UUID.randomUUID().toString(),
                        "bench.events",
                        "bench.item.updated",
                        subject,
                        subject,
                        Map.of("sent_nanos", System.nanoTime()),
                        Instant.now())));
    }

    /**
     * The same messages to 5,000 clients through the service (published to Kafka) and through a
     * bare Vert.x WebSocket server (written to every socket in a loop): a burst of 100 for
     * throughput, then 100 at 10 messages/s (50,000 deliveries/s) for latency.
     */
    private String[] broadcast(Vertx clientVertx) throws Exception {
        String subject = "bc-" + UUID.randomUUID();
        double droppedBefore = metrics.droppedCount(Transport.WEBSOCKET, DropReason.OVERFLOW);
        Phase service;
        try (BenchClients clients = new BenchClients(clientVertx);
                TestEvents events = new TestEvents()) {
            clients.connect(
                    BROADCAST_CLIENTS,
                    RestAssured.port,
                    i -> "/api/realtime/ws?types=bench.*&subjects=" + subject,
                    Tokens.benchReader());
            service = phase(
                    clients,
                    i -> events.sendAsync(
                            "bench.events",
                            "bench.item.updated",
                            subject,
                            "{\"sent_nanos\":" + System.nanoTime() + ",\"pad\":\"" + PAD + "\"}"),
                    events::flush);
        }
        double dropped = metrics.droppedCount(Transport.WEBSOCKET, DropReason.OVERFLOW) - droppedBefore;

        Phase bare;
        Vertx serverVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(4));
        List<ServerWebSocket> sockets = new CopyOnWriteArrayList<>();
        try {
            HttpServer server = serverVertx
                    .createHttpServer()
                    .requestHandler(request -> request.toWebSocket().onSuccess(sockets::add))
                    .listen(0)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            try (BenchClients clients = new BenchClients(clientVertx)) {
                clients.connect(BROADCAST_CLIENTS, server.actualPort(), i -> "/bare", null);
                waitUntil(() -> sockets.size() >= BROADCAST_CLIENTS, Duration.ofSeconds(30));
                bare = phase(
                        clients,
                        i -> {
                            String json = "{\"kind\":\"event\",\"id\":\"" + UUID.randomUUID()
                                    + "\",\"type\":\"bench.item.updated\",\"source\":\"/infra-system/realtime-test\",\"subject\":\""
                                    + subject + "\",\"time\":\"" + Instant.now() + "\",\"data\":{\"sent_nanos\":"
                                    + System.nanoTime()
                                    + ",\"pad\":\"" + PAD + "\"},\"cursor\":\"abcdefgh-" + i + "\"}";
                            for (ServerWebSocket socket : sockets) {
                                socket.writeTextMessage(json);
                            }
                        },
                        () -> {});
            }
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } finally {
            serverVertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        double ratio = service.rate() / bare.rate();
        double p95 = service.paced().percentileMs(0.95);
        return new String[] {
            service.describe() + String.format(", dropped clients %.0f", dropped),
            bare.describe(),
            String.format(
                    "ratio service/bare burst rate = %.2f (target >= 0.50: %s); service p95 at %d msg/s = %.2f ms"
                            + " (target <= 250 ms: %s)",
                    ratio, ratio >= 0.5 ? "met" : "MISSED", BROADCAST_RATE, p95, p95 <= 250 ? "met" : "MISSED")
        };
    }

    private Phase phase(BenchClients clients, java.util.function.IntConsumer send, Runnable flush) throws Exception {
        int expected = BROADCAST_CLIENTS * BROADCAST_MESSAGES;
        LatencyRecorder burst = new LatencyRecorder(expected);
        clients.recordInto(burst);
        long start = System.nanoTime();
        for (int i = 0; i < BROADCAST_MESSAGES; i++) {
            send.accept(i);
        }
        flush.run();
        waitUntil(() -> burst.count() >= expected, Duration.ofSeconds(120));
        long millis = Math.max(1, (burst.lastAt() - start) / 1_000_000);
        Thread.sleep(1000);
        LatencyRecorder paced = new LatencyRecorder(expected);
        clients.recordInto(paced);
        pace(BROADCAST_MESSAGES, BROADCAST_RATE, send);
        flush.run();
        waitUntil(() -> paced.count() >= expected, Duration.ofSeconds(120));
        return new Phase(burst, millis, paced);
    }

    /** Figures of one broadcast target. */
    private record Phase(LatencyRecorder burst, long burstMillis, LatencyRecorder paced) {
        double rate() {
            return burst.count() * 1000.0 / burstMillis;
        }

        String describe() {
            return String.format(
                    "burst %.0f deliveries/s (%d in %d ms, %s); paced %d msg/s: %s",
                    rate(), burst.count(), burstMillis, burst.summary(), BROADCAST_RATE, paced.summary());
        }
    }

    /** Calls {@code action(i)} {@code count} times at {@link #RATE} per second. */
    private static void pace(int count, java.util.function.IntConsumer action) throws InterruptedException {
        pace(count, RATE, action);
    }

    /** Calls {@code action(i)} {@code count} times at {@code rate} per second. */
    private static void pace(int count, int rate, java.util.function.IntConsumer action) throws InterruptedException {
        long interval = 1_000_000_000L / rate;
        long next = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            action.accept(i);
            next += interval;
        }
    }

    private static void waitUntil(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}
