package io.infrasystem.cert.scan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.infrasystem.cert.TestCertificates;
import io.infrasystem.cert.TestCertificates.Issued;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.commons.testing.TestDatabase;
import io.infrasystem.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Scans of TLS servers the test starts on loopback (allowed in the test profile only), with
 * certificates made by Bouncy Castle: a chained ECDSA leaf, an expired self-signed one, a
 * wrong-host one, a renewal at the same binding, SMTP STARTTLS, and targets the network policy refuses.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.Postgres.class)
class TlsScanTest {

    static final String EDITOR = TestTokens.user("ed", Scopes.groupsForRoles(Set.of(Scopes.EDITOR)));

    @Inject
    DataSource dataSource;

    long outboxCount(String type, String subject) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select count(*) from outbox_event where event_type = ? and subject = ?")) {
            query.setString(1, type);
            query.setString(2, subject);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long target(String host, int port, String extra) {
        return given().header("Authorization", EDITOR)
                .contentType(ContentType.JSON)
                .body("{\"host\":\"" + host + "\",\"port\":" + port + extra + "}")
                .post("/api/cert/scan-targets")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    /** Starts a run of the targets and waits (polling, up to 90 s) until it completes. */
    static JsonPath scan(long... targetIds) {
        StringBuilder ids = new StringBuilder();
        for (long id : targetIds) {
            ids.append(ids.isEmpty() ? "" : ",").append(id);
        }
        var started = given().header("Authorization", EDITOR)
                .contentType(ContentType.JSON)
                .body("{\"target_ids\":[" + ids + "]}")
                .post("/api/cert/scan-runs")
                .then()
                .statusCode(202)
                .body("status", equalTo("running"))
                .body("target_count", equalTo(targetIds.length))
                .extract();
        String location = started.header("Location");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            JsonPath run = given().header("Authorization", EDITOR)
                    .get(location)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            if ("completed".equals(run.getString("status"))) {
                assertThat(run.getInt("pending_count")).isZero();
                return run;
            }
            assertThat(Instant.now()).as("run %s still running", location).isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static JsonPath lastScan(long targetId) {
        return given().header("Authorization", EDITOR)
                .get("/api/cert/scans?scan_target_id=" + targetId + "&limit=1")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .setRootPath("results[0]");
    }

    static JsonPath certificate(long id) {
        return given().header("Authorization", EDITOR)
                .get("/api/cert/certificates/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void capturesChainedExpiredAndWrongHostChainsAndJudgesThemApart() throws Exception {
        Instant now = Instant.now();
        Issued root = TestCertificates.issue(
                "Scan Test Root", now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(3650)), null, true);
        Issued leaf = TestCertificates.issue(
                "localhost", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(200)), root, false, "localhost");
        Issued expired = TestCertificates.issue(
                "localhost", now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(5)), null, false, "localhost");
        Issued wrongHost = TestCertificates.selfSigned("other.example.com", 100, "other.example.com");
        try (LocalTlsServer chained = LocalTlsServer.tls(leaf, root);
                LocalTlsServer old = LocalTlsServer.tls(expired);
                LocalTlsServer wrong = LocalTlsServer.tls(wrongHost)) {
            long a = target("localhost", chained.port(), "");
            long b = target("localhost", old.port(), "");
            long c = target("127.0.0.1", wrong.port(), ",\"sni\":\"www.example.com\"");
            JsonPath run = scan(a, b, c);
            assertThat(run.getInt("succeeded_count")).isEqualTo(3);

            JsonPath first = lastScan(a);
            assertThat(first.getString("result")).isEqualTo("success");
            assertThat(first.getString("tls_version")).startsWith("TLSv1.");
            assertThat(first.getList("chain")).hasSize(2);
            assertThat(first.getBoolean("hostname_match")).isTrue();
            assertThat(first.getBoolean("trusted")).isFalse();
            assertThat(first.getString("trust_error")).isNotBlank();
            JsonPath stored = certificate(first.getLong("certificate_id"));
            assertThat(stored.getString("source")).isEqualTo("scan");
            assertThat(stored.getString("key_algorithm")).isEqualTo("ec");
            assertThat(stored.getString("key_curve")).isEqualTo("secp256r1");
            assertThat(certificate(stored.getLong("issuer_id")).getString("common_name"))
                    .isEqualTo("Scan Test Root");

            JsonPath second = lastScan(b);
            assertThat(certificate(second.getLong("certificate_id")).getString("status"))
                    .isEqualTo("expired");

            JsonPath third = lastScan(c);
            assertThat(third.getString("sni")).isEqualTo("www.example.com");
            assertThat(third.getBoolean("hostname_match")).isFalse();
            assertThat(third.getString("peer_address")).isEqualTo("127.0.0.1");

            // the host, its address and the binding at that place
            given().header("Authorization", EDITOR)
                    .get("/api/cert/bindings?host=localhost&port=" + chained.port())
                    .then()
                    .body("count", equalTo(1))
                    .body("results[0].certificate_id", equalTo((int) first.getLong("certificate_id")))
                    .body("results[0].ip_address", equalTo("127.0.0.1"))
                    .body("results[0].platform", equalTo("web_server"));
            given().header("Authorization", EDITOR)
                    .get("/api/cert/bindings?ip_address=127.0.0.1&port=" + wrong.port())
                    .then()
                    .body("count", equalTo(1));
        }
    }

    @Test
    void aRenewedCertificateAtTheSameBindingReplacesThePreviousOne() throws Exception {
        Instant now = Instant.now();
        Issued before = TestCertificates.issue(
                "renew.localhost",
                now.minus(Duration.ofDays(80)),
                now.plus(Duration.ofDays(10)),
                null,
                false,
                "renew.localhost");
        Issued after = TestCertificates.issue(
                "renew.localhost",
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(90)),
                null,
                false,
                "renew.localhost");
        try (LocalTlsServer server = LocalTlsServer.tls(before)) {
            long id = target("localhost", server.port(), ",\"sni\":\"renew.localhost\"");
            scan(id);
            long first = lastScan(id).getLong("certificate_id");
            assertThat(certificate(first).getString("status")).isEqualTo("expiring");
            scan(id);
            assertThat(lastScan(id).getLong("certificate_id")).isEqualTo(first);

            server.serve(after);
            scan(id);
            long second = lastScan(id).getLong("certificate_id");
            assertThat(second).isNotEqualTo(first);
            JsonPath replaced = certificate(first);
            assertThat(replaced.getString("status")).isEqualTo("replaced");
            assertThat(replaced.getLong("replaced_by_id")).isEqualTo(second);
            assertThat(certificate(second).getString("status")).isEqualTo("valid");
            given().header("Authorization", EDITOR)
                    .get("/api/cert/certificates?status=replaced&san=renew.localhost")
                    .then()
                    .body("count", equalTo(1));
            given().header("Authorization", EDITOR)
                    .get("/api/cert/bindings?port=" + server.port() + "&ordering=id")
                    .then()
                    .body("count", equalTo(2))
                    .body("results.certificate_id", org.hamcrest.Matchers.contains((int) first, (int) second));
        }
    }

    @Test
    void smtpStartTlsIsSpokenBeforeTheHandshake() throws Exception {
        Issued mail = TestCertificates.selfSigned("mail.localhost", 60, "mail.localhost");
        try (LocalTlsServer server = LocalTlsServer.smtp(mail)) {
            long id = target("localhost", server.port(), ",\"starttls\":\"smtp\",\"sni\":\"mail.localhost\"");
            scan(id);
            JsonPath result = lastScan(id);
            assertThat(result.getString("result")).as(result.getString("error")).isEqualTo("success");
            assertThat(result.getBoolean("hostname_match")).isTrue();
            assertThat(certificate(result.getLong("certificate_id")).getString("common_name"))
                    .isEqualTo("mail.localhost");
            given().header("Authorization", EDITOR)
                    .get("/api/cert/bindings?port=" + server.port())
                    .then()
                    .body("results[0].platform", equalTo("mail"));
        }
    }

    @Test
    void targetsOutsideTheAllowedNetworksAreRefusedWithoutAConnection() {
        long metadata = target("169.254.169.254", 443, "");
        long outside = target("192.0.2.44", 443, "");
        long unspecified = target("0.0.0.0", 443, "");
        JsonPath run = scan(metadata, outside, unspecified);
        assertThat(run.getInt("failed_count")).isEqualTo(3);
        // alerted once each, not again while they keep failing
        scan(metadata, outside, unspecified);
        for (long id : new long[] {metadata, outside, unspecified}) {
            assertThat(outboxCount("cert.scan_target.failed", Long.toString(id)))
                    .isEqualTo(1);
        }
        for (Map.Entry<Long, String> refusal : Map.of(
                        metadata, "not allowed", outside, "outside the allowed networks", unspecified, "not allowed")
                .entrySet()) {
            JsonPath scan = lastScan(refusal.getKey());
            assertThat(scan.getString("result")).isEqualTo("failure");
            assertThat(scan.getString("error")).contains(refusal.getValue());
            assertThat(scan.getString("peer_address")).isNull();
        }
    }

    @Test
    void unknownTargetIdsAre400() {
        given().header("Authorization", EDITOR)
                .contentType(ContentType.JSON)
                .body("{\"target_ids\":[987654]}")
                .post("/api/cert/scan-runs")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("target_ids"));
    }
}
