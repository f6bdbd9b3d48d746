package io.infrasystem.cert.domain;

import static io.infrasystem.cert.domain.DomainApi.ADMIN;
import static io.infrasystem.cert.domain.DomainApi.EDITOR;
import static io.infrasystem.cert.domain.DomainApi.VIEWER;
import static io.infrasystem.cert.domain.DomainApi.create;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.infrasystem.cert.domain.rdap.RegistrationAlerts;
import io.infrasystem.cert.domain.rdap.RegistrationRefresh;
import io.infrasystem.commons.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RDAP registration data against a local RDAP server ({@link RdapStub}) answering in RFC 9083's
 * shape: the bootstrap refresh, a full answer, 404, 429 with {@code Retry-After}, malformed JSON
 * (each a clear result with the stored data untouched), the outbound guard, the scheduled pass and
 * the expiry alerts.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.Postgres.class)
@QuarkusTestResource(RdapStub.class)
class RegistrationTest {

    @ConfigProperty(name = "infra.test.rdap-dir")
    Path stub;

    @Inject
    RegistrationRefresh refresh;

    @Inject
    RegistrationAlerts alerts;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void useTheStubsBootstrapFile() {
        given().header("Authorization", ADMIN)
                .post("/api/cert/rdap/bootstrap/refresh")
                .then()
                .statusCode(200)
                .body("tld_count", equalTo(3))
                .body("publication", equalTo("2026-11-30T18:00:00Z"));
    }

    void answer(String name, Instant expires) throws IOException {
        String body;
        try (InputStream in = getClass().getResourceAsStream("/rdap/example-domain.json")) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.writeString(
                stub.resolve(name + ".json"),
                body.replace("__NAME__", name.toUpperCase()).replace("__EXPIRES__", expires.toString()));
    }

    void status(String name, String... lines) throws IOException {
        Files.write(stub.resolve(name + ".status"), List.of(lines));
    }

    int hits(String name) throws IOException {
        Path hits = stub.resolve(name + ".hits");
        return Files.exists(hits) ? Integer.parseInt(Files.readString(hits).strip()) : 0;
    }

    static JsonPath refreshNow(long id) {
        return given().header("Authorization", EDITOR)
                .post("/api/cert/domains/" + id + "/refresh-registration")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static JsonPath get(long id) {
        return given().header("Authorization", VIEWER)
                .get("/api/cert/domains/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void theShippedBootstrapFileIsReplacedByTheRefreshedOne() {
        given().header("Authorization", VIEWER)
                .get("/api/cert/rdap/bootstrap")
                .then()
                .statusCode(200)
                .body("source", containsString("/dns.json"))
                .body("tld_count", equalTo(3));
        given().header("Authorization", EDITOR)
                .post("/api/cert/rdap/bootstrap/refresh")
                .then()
                .statusCode(403);
    }

    @Test
    void aFullAnswerIsStoredAndFailuresKeepIt() throws IOException {
        String name = "rdap-full.com";
        long id = create(name);
        Instant expires = Instant.parse("2031-03-04T16:03:17Z");
        answer(name, expires);

        JsonPath ok = refreshNow(id);
        assertThat(ok.getString("registration.result")).isEqualTo("ok");
        assertThat(ok.getString("registration.registrar")).isEqualTo("Example Registrar, Inc.");
        assertThat(ok.getString("registration.registrar_iana_id")).isEqualTo("9999");
        assertThat(ok.getString("registration.registered_at")).isEqualTo("2019-03-04T16:03:17Z");
        assertThat(ok.getString("registration.expires_at")).isEqualTo("2031-03-04T16:03:17Z");
        assertThat(ok.getString("registration.last_changed_at")).isEqualTo("2025-02-10T08:11:41Z");
        assertThat(ok.getList("registration.status", String.class))
                .containsExactly("client delete prohibited", "client transfer prohibited");
        assertThat(ok.getList("registration.nameservers", String.class))
                .containsExactly("ns1.example-dns.net", "ns2.example-dns.net");
        assertThat(ok.getString("registration.rdap_url")).endsWith("/rdap/domain/rdap-full.com");
        assertThat(ok.getString("registration.error")).isNull();
        long version = ok.getLong("version");
        given().header("Authorization", VIEWER)
                .queryParam("registrar__ic", "example registrar")
                .queryParam("expires_at__lt", "2031-12-31T00:00:00Z")
                .queryParam("parent_id__empty", "true")
                .queryParam("rdap_result", "ok")
                .queryParam("name", name)
                .get("/api/cert/domains")
                .then()
                .statusCode(200)
                .body("count", equalTo(1));
        given().header("Authorization", VIEWER)
                .queryParam("rdap_result", "fine")
                .get("/api/cert/domains")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("rdap_result"));
        String csv = given().header("Authorization", VIEWER)
                .queryParam("name", name)
                .get("/api/cert/domains/export.csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(csv.lines().toList())
                .hasSize(2)
                .last()
                .asString()
                .contains(",rdap-full.com,,0,\"Example Registrar, Inc.\",2019-03-04T16:03:17Z,2031-03-04T16:03:17Z,")
                .contains(
                        "client delete prohibited; client transfer prohibited,ns1.example-dns.net; ns2.example-dns.net,ok,");

        // 429 with Retry-After: a clear result, a retry time, nothing else changed
        status(name, "429", "120");
        Instant before = Instant.now();
        JsonPath limited = refreshNow(id);
        assertThat(limited.getString("registration.result")).isEqualTo("rate_limited");
        assertThat(limited.getString("registration.error")).contains("429").contains("120 s");
        assertThat(Instant.parse(limited.getString("registration.retry_at")))
                .isAfterOrEqualTo(before.plusSeconds(119).truncatedTo(ChronoUnit.SECONDS));
        assertUnchanged(limited);

        // 404
        status(name, "404");
        JsonPath missing = refreshNow(id);
        assertThat(missing.getString("registration.result")).isEqualTo("not_found");
        assertThat(missing.getString("registration.error")).contains("404");
        assertUnchanged(missing);

        // malformed JSON, then JSON that is no domain object, then another domain's answer
        Files.delete(stub.resolve(name + ".status"));
        Files.writeString(stub.resolve(name + ".json"), "{\"objectClassName\": \"domain\", \"ldhName\": ");
        JsonPath broken = refreshNow(id);
        assertThat(broken.getString("registration.result")).isEqualTo("malformed");
        assertThat(broken.getString("registration.error")).contains("not valid JSON");
        assertUnchanged(broken);
        Files.writeString(stub.resolve(name + ".json"), "{\"errorCode\": 500, \"title\": \"oops\"}");
        assertThat(refreshNow(id).getString("registration.error")).contains("not an RDAP domain object");
        answer("other.com", expires);
        Files.move(
                stub.resolve("other.com.json"),
                stub.resolve(name + ".json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        JsonPath other = refreshNow(id);
        assertThat(other.getString("registration.error")).contains("describes OTHER.COM");
        assertUnchanged(other);
        assertThat(get(id).getLong("version")).isEqualTo(version);
        assertThat(get(id).getString("registration.succeeded_at")).isEqualTo(ok.getString("registration.succeeded_at"));

        // a later good answer replaces the data
        answer(name, Instant.parse("2032-03-04T16:03:17Z"));
        JsonPath renewed = refreshNow(id);
        assertThat(renewed.getString("registration.result")).isEqualTo("ok");
        assertThat(renewed.getString("registration.expires_at")).isEqualTo("2032-03-04T16:03:17Z");
        assertThat(renewed.getString("registration.retry_at")).isNull();
    }

    private static void assertUnchanged(JsonPath domain) {
        assertThat(domain.getString("registration.registrar")).isEqualTo("Example Registrar, Inc.");
        assertThat(domain.getString("registration.expires_at")).isEqualTo("2031-03-04T16:03:17Z");
        assertThat(domain.getString("registration.registered_at")).isEqualTo("2019-03-04T16:03:17Z");
        assertThat(domain.getList("registration.status", String.class)).hasSize(2);
        assertThat(domain.getList("registration.nameservers", String.class)).hasSize(2);
    }

    @Test
    void subdomainsUnknownTldsAndInternalServersAreRefusedClearly() throws IOException {
        long top = create("rdap-sub.com");
        long sub = create("www.rdap-sub.com");
        given().header("Authorization", EDITOR)
                .post("/api/cert/domains/" + sub + "/refresh-registration")
                .then()
                .statusCode(409)
                .body("detail", containsString("registrable domain rdap-sub.com (id " + top + ")"));
        assertThat(get(sub).getString("registration")).isNull();
        given().header("Authorization", VIEWER)
                .post("/api/cert/domains/" + top + "/refresh-registration")
                .then()
                .statusCode(403);

        JsonPath none = refreshNow(create("rdap-none.io"));
        assertThat(none.getString("registration.result")).isEqualTo("no_server");
        assertThat(none.getString("registration.error")).contains("names no server for io");

        // the bootstrap sends .net to 169.254.169.254: the guard refuses it before any connection
        JsonPath refused = refreshNow(create("rdap-guard.net"));
        assertThat(refused.getString("registration.result")).isEqualTo("refused");
        assertThat(refused.getString("registration.error")).contains("169.254.169.254");
        assertThat(refused.getString("registration.registrar")).isNull();
    }

    @Test
    void theScheduledPassLeavesARateLimitedServerAloneUntilItsRetryTime() throws IOException {
        long limited = create("rdap-pass-a.com");
        long next = create("rdap-pass-b.com");
        status("rdap-pass-a.com", "429", "3600");
        answer("rdap-pass-b.com", Instant.parse("2030-01-01T00:00:00Z"));
        refresh.refreshDue(Instant.now());
        assertThat(get(limited).getString("registration.result")).isEqualTo("rate_limited");
        assertThat(hits("rdap-pass-a.com")).isEqualTo(1);
        // same server, later in the pass: left for the next one
        assertThat(hits("rdap-pass-b.com")).isZero();
        assertThat(get(next).getString("registration.result")).isNull();

        refresh.refreshDue(Instant.now());
        assertThat(hits("rdap-pass-a.com")).isEqualTo(1);
        assertThat(get(next).getString("registration.result")).isEqualTo("ok");
        assertThat(get(next).getString("registration.expires_at")).isEqualTo("2030-01-01T00:00:00Z");
        // fresh data are not queried again within max-age
        refresh.refreshDue(Instant.now());
        assertThat(hits("rdap-pass-b.com")).isEqualTo(1);
    }

    @Test
    void expiryAlertsOncePerThresholdAndAgainAfterARenewal() throws Exception {
        String name = "rdap-alert.com";
        long id = create(name);
        Instant now = Instant.now();
        Instant expires = now.plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
        answer(name, expires);
        refreshNow(id);

        assertThat(alerts.check(now)).contains(id);
        assertThat(alerts.check(now)).doesNotContain(id);
        List<String> expiring = DomainApi.events(dataSource, "cert.domain.expiring", Long.toString(id));
        assertThat(expiring).hasSize(1);
        assertThat(expiring.get(0))
                .contains("\"threshold_days\":14")
                .contains("\"name\":\"rdap-alert.com\"")
                .contains("\"registrar\":\"Example Registrar, Inc.\"");
        String key = "cert-domain-expiry-" + id + "-" + expires.toString().substring(0, 10) + "-14";
        List<String> mails = DomainApi.events(dataSource, "notification.requested", key);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0)).contains("certificates@example.com").contains("\"idempotency_key\":\"" + key + "\"");

        // four days later the 7-day threshold: one more alert
        assertThat(alerts.check(now.plus(Duration.ofDays(4)))).contains(id);
        assertThat(alerts.check(now.plus(Duration.ofDays(4)))).doesNotContain(id);

        // renewed for a year: nothing now, the 14-day alert again a year later (a new expiry date)
        Instant renewed = expires.plus(Duration.ofDays(365));
        answer(name, renewed);
        refreshNow(id);
        assertThat(alerts.check(now)).doesNotContain(id);
        assertThat(alerts.check(now.plus(Duration.ofDays(365)))).contains(id);
        assertThat(DomainApi.events(dataSource, "cert.domain.expiring", Long.toString(id)))
                .hasSize(3);

        // a failed query leaves the expiry, so the alerts stay as they were
        status(name, "503");
        assertThat(refreshNow(id).getString("registration.expires_at")).isEqualTo(renewed.toString());
        assertThat(alerts.check(now.plus(Duration.ofDays(365)))).doesNotContain(id);
    }
}
