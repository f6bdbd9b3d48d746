package io.infrasystem.cert.bench;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.infrasystem.cert.TestCertificates;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.commons.testing.TestDatabase;
import io.infrasystem.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * 1,000 loopback TLS endpoints (each on its own 127.0.x.y address, so the per-host limit does not
 * serialise them) scanned by a scan run, against a bare Java handshake loop over the same
 * endpoints with the same global concurrency, in the same run. Target: the scan run reaches ≥ 70 %
 * of the bare loop's rate. Prints its figures. Run: {@code deploy/local/stack test -pl
 * cert-service -am -Pbench -Dskip.npm -DskipITs -Dtest=CertScanBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@TestProfile(BenchProfile.class)
@QuarkusTestResource(TestDatabase.Postgres.class)
class CertScanBenchmark {

    static final int ENDPOINTS = 1_000;
    static final int CONCURRENCY = 32;
    static final String EDITOR = TestTokens.user("bench", Scopes.groupsForRoles(Set.of(Scopes.EDITOR)));

    @Inject
    DataSource dataSource;

    @Test
    void scanRunAgainstBareHandshakeLoop() throws Exception {
        var issued = TestCertificates.selfSigned("bench.localhost", 90, "bench.localhost");
        SSLContext server = serverContext(issued);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < ENDPOINTS; i++) {
                InetAddress address = InetAddress.getByName("127.0." + (1 + i / 250) + "." + (1 + i % 250));
                ServerSocket socket = new ServerSocket();
                socket.bind(new InetSocketAddress(address, 0), 100);
                sockets.add(socket);
                executor.submit(() -> accept(socket, server, executor));
            }

            // reference: the bare JDK handshake loop, same endpoints, same global concurrency
            long bareStart = System.nanoTime();
            int bareOk = bareLoop(sockets, executor);
            double bareSeconds = (System.nanoTime() - bareStart) / 1e9;

            List<Long> ids = insertTargets(sockets);
            long runStart = System.nanoTime();
            String location = given().header("Authorization", EDITOR)
                    .contentType(ContentType.JSON)
                    .body(Map.of("target_ids", ids))
                    .post("/api/cert/scan-runs")
                    .then()
                    .statusCode(202)
                    .extract()
                    .header("Location");
            Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
            Map<String, Object> run;
            while (true) {
                run = given().header("Authorization", EDITOR)
                        .get(location)
                        .then()
                        .extract()
                        .jsonPath()
                        .getMap("");
                if ("completed".equals(run.get("status"))) {
                    break;
                }
                assertThat(Instant.now()).isBefore(deadline);
                Thread.sleep(50);
            }
            double runSeconds = (System.nanoTime() - runStart) / 1e9;

            double bareRate = bareOk / bareSeconds;
            double runRate = ((Number) run.get("succeeded_count")).intValue() / runSeconds;
            System.out.printf(
                    "%nCertScanBenchmark: %d loopback TLS endpoints (EC P-256, TLS 1.3), concurrency %d%n",
                    ENDPOINTS, CONCURRENCY);
            System.out.printf(
                    "bare JDK handshake loop (reference): %6d ok in %6.2f s = %7.1f handshakes/s%n",
                    bareOk, bareSeconds, bareRate);
            System.out.printf(
                    "scan run (capture, judge, store):     %6d ok in %6.2f s = %7.1f targets/s = %.0f%% of bare (target >= 70%%)%n",
                    ((Number) run.get("succeeded_count")).intValue(), runSeconds, runRate, 100 * runRate / bareRate);
            System.out.printf("scan run failed targets: %s%n%n", run.get("failed_count"));
            assertThat(((Number) run.get("succeeded_count")).intValue()).isEqualTo(ENDPOINTS);
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
            executor.shutdownNow();
        }
    }

    private static SSLContext serverContext(TestCertificates.Issued issued) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(
                "server", issued.keys().getPrivate(), new char[] {'x'}, new X509Certificate[] {issued.x509()});
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, new char[] {'x'});
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static void accept(ServerSocket socket, SSLContext context, ExecutorService executor) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                executor.submit(() -> {
                    try (client;
                            SSLSocket tls =
                                    (SSLSocket) context.getSocketFactory().createSocket(client, null, true)) {
                        tls.setUseClientMode(false);
                        tls.startHandshake();
                    } catch (IOException e) {
                        // client gone
                    }
                });
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static int bareLoop(List<ServerSocket> sockets, ExecutorService executor) throws Exception {
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(
                null,
                new TrustManager[] {
                    new X509TrustManager() {
                        @Override
                        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

                        @Override
                        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

                        @Override
                        public X509Certificate[] getAcceptedIssuers() {
                            return new X509Certificate[0];
                        }
                    }
                },
                null);
        Semaphore permits = new Semaphore(CONCURRENCY);
        AtomicInteger ok = new AtomicInteger();
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (ServerSocket socket : sockets) {
            futures.add(executor.submit(() -> {
                try {
                    permits.acquire();
                    try (SSLSocket tls = (SSLSocket)
                            client.getSocketFactory().createSocket(socket.getInetAddress(), socket.getLocalPort())) {
                        tls.startHandshake();
                        if (tls.getSession().getPeerCertificates().length > 0) {
                            ok.incrementAndGet();
                        }
                    } finally {
                        permits.release();
                    }
                } catch (Exception e) {
                    // counted as not ok
                }
                return null;
            }));
        }
        for (var future : futures) {
            future.get();
        }
        return ok.get();
    }

    private List<Long> insertTargets(List<ServerSocket> sockets) throws Exception {
        List<Long> ids = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into scan_target (host, port, starttls, enabled, version, created_at, updated_at)"
                                + " values (?, ?, 'none', true, 0, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
            for (ServerSocket socket : sockets) {
                insert.setString(1, socket.getInetAddress().getHostAddress());
                insert.setInt(2, socket.getLocalPort());
                insert.setTimestamp(3, now);
                insert.setTimestamp(4, now);
                insert.addBatch();
            }
            insert.executeBatch();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                while (keys.next()) {
                    ids.add(keys.getLong(1));
                }
            }
        }
        return ids;
    }
}
