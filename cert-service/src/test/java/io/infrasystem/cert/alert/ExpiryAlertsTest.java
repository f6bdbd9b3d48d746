package io.infrasystem.cert.alert;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.infrasystem.cert.TestCertificates;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.commons.testing.TestDatabase;
import io.infrasystem.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Expiry alerts: once per certificate and threshold (global or its own), renewal-aware, as an event and a notification request. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.Postgres.class)
class ExpiryAlertsTest {

    static final String EDITOR = TestTokens.user("ed", Scopes.groupsForRoles(Set.of(Scopes.EDITOR)));
    static final String ADMIN = TestTokens.user("adm", Scopes.groupsForRoles(Set.of(Scopes.ADMIN)));

    @Inject
    ExpiryAlerts alerts;

    @Inject
    DataSource dataSource;

    static long upload(int daysLeft, String... names) {
        Instant now = Instant.now();
        var cert = TestCertificates.issue(
                names[0], now.minus(Duration.ofDays(60)), now.plus(Duration.ofDays(daysLeft)), null, false, names);
        return given().header("Authorization", EDITOR)
                .contentType("text/plain")
                .body(cert.pem())
                .post("/api/cert/certificates/upload")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("certificates[0].id");
    }

    /** @return the payloads of outbox events of this type and subject, oldest first */
    List<String> events(String type, String subject) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select payload from outbox_event where event_type = ? and subject = ? order by id")) {
            query.setString(1, type);
            query.setString(2, subject);
            List<String> payloads = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    payloads.add(rows.getString(1));
                }
            }
            return payloads;
        }
    }

    @Test
    void alertsOncePerThresholdWithAnEventAndANotificationRequest() throws Exception {
        long id = upload(5, "alert-once.example.com");
        Instant now = Instant.now();
        assertThat(alerts.check(now)).contains(id);
        assertThat(alerts.check(now)).doesNotContain(id);
        List<String> expiring = events("cert.certificate.expiring", Long.toString(id));
        assertThat(expiring).hasSize(1);
        assertThat(expiring.get(0)).contains("\"threshold_days\":7").contains("alert-once.example.com");
        List<String> mails = events("notification.requested", "cert-expiry-" + id + "-7");
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0))
                .contains("certificates@example.com")
                .contains("\"idempotency_key\":\"cert-expiry-" + id + "-7\"");

        // four days later the 1-day threshold is crossed: one more alert, then none
        Instant later = now.plus(Duration.ofDays(4)).plus(Duration.ofHours(2));
        assertThat(alerts.check(later)).contains(id);
        assertThat(alerts.check(later)).doesNotContain(id);
        assertThat(events("cert.certificate.expiring", Long.toString(id))).hasSize(2);
        assertThat(events("notification.requested", "cert-expiry-" + id + "-1")).hasSize(1);
    }

    @Test
    void aRenewalWithTheSameNamesSilencesTheAlertOnlyWhereItIsBound() {
        long old = upload(5, "renewed.example.com", "www.renewed.example.com");
        upload(300, "www.renewed.example.com", "renewed.example.com");
        assertThat(alerts.check(Instant.now())).doesNotContain(old);

        long bound = upload(5, "bound.example.com");
        long successor = upload(300, "bound.example.com");
        long host = given().header("Authorization", EDITOR)
                .contentType(ContentType.JSON)
                .body("{\"name\":\"alert-host\",\"host_type\":\"server\",\"environment\":\"production\"}")
                .post("/api/cert/hosts")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        bind(bound, host, 443);
        bind(successor, host, 8443);
        assertThat(alerts.check(Instant.now())).contains(bound);

        long moved = upload(5, "moved.example.com");
        long movedSuccessor = upload(300, "moved.example.com");
        bind(moved, host, 9443);
        bind(movedSuccessor, host, 9443);
        assertThat(alerts.check(Instant.now())).doesNotContain(moved);

        long differentNames = upload(5, "names.example.com");
        upload(300, "names.example.com", "extra.example.com");
        assertThat(alerts.check(Instant.now())).contains(differentNames);
    }

    @Test
    void aCertificateWithThresholdsOfItsOwnIsAlertedAtThoseOnlyAndOthersKeepTheGlobalOnes() throws Exception {
        long own = upload(4, "own-threshold.example.com");
        long ownNotYet = upload(6, "own-threshold-later.example.com");
        long global = upload(4, "global-threshold.example.com");
        long muted = upload(4, "muted-threshold.example.com");
        patchThresholds(own, "[5]").statusCode(200).body("alert_threshold_days", contains(5));
        patchThresholds(ownNotYet, "[5]").statusCode(200);
        patchThresholds(muted, "[]").statusCode(200).body("alert_threshold_days", empty());

        Instant now = Instant.now();
        List<Long> alerted = alerts.check(now);
        assertThat(alerted).contains(own, global).doesNotContain(ownNotYet, muted);
        assertThat(events("cert.certificate.expiring", Long.toString(own)))
                .singleElement()
                .asString()
                .contains("\"threshold_days\":5");
        assertThat(events("notification.requested", "cert-expiry-" + own + "-5"))
                .hasSize(1);
        assertThat(sentThresholds(own)).containsExactly(5);
        // the global thresholds are untouched: 4 days left crosses 60, 30, 14 and 7, alerted as 7
        assertThat(events("cert.certificate.expiring", Long.toString(global)))
                .singleElement()
                .asString()
                .contains("\"threshold_days\":7");
        assertThat(sentThresholds(global)).containsExactlyInAnyOrder(60, 30, 14, 7);
        assertThat(sentThresholds(muted)).isEmpty();

        // once per certificate and threshold: a day and a bit later the 5-day one is due for the
        // other certificate, never again for the first
        Instant later = now.plus(Duration.ofDays(1)).plus(Duration.ofHours(2));
        assertThat(alerts.check(later)).contains(ownNotYet).doesNotContain(own, muted);
        assertThat(sentThresholds(ownNotYet)).containsExactly(5);

        // null gives the certificate the global thresholds back
        patchThresholds(own, "null").statusCode(200).body("alert_threshold_days", nullValue());
        assertThat(alerts.check(later)).contains(own);
        assertThat(sentThresholds(own)).containsExactlyInAnyOrder(60, 30, 14, 7, 5);
    }

    @Test
    void anAdminRunsTheCheckNowAndASecondCheckAlertsNothingAgain() throws Exception {
        long id = upload(10, "check-now.example.com");
        given().header("Authorization", EDITOR)
                .post("/api/cert/alerts/expiry/check")
                .then()
                .statusCode(403);
        assertThat(sentThresholds(id)).isEmpty();
        given().header("Authorization", ADMIN)
                .post("/api/cert/alerts/expiry/check")
                .then()
                .statusCode(200)
                .body("checked_at", startsWith(Instant.now().toString().substring(0, 4)))
                .body("alerted_certificate_ids", hasItem(equalTo((int) id)));
        given().header("Authorization", ADMIN)
                .post("/api/cert/alerts/expiry/check")
                .then()
                .statusCode(200)
                .body("alerted_certificate_ids", not(hasItem(equalTo((int) id))));
        // ten days left: the 14-day alert is sent, the 60 and 30 are marked as crossed
        assertThat(sentThresholds(id)).containsExactly(14, 30, 60);
        assertThat(events("notification.requested", "cert-expiry-" + id + "-14"))
                .hasSize(1);
    }

    @Test
    void thresholdsAreStoredWithoutRepeatsLargestFirst() {
        long id = upload(200, "threshold-order.example.com");
        patchThresholds(id, "[3, 45, 3, 10]").statusCode(200).body("alert_threshold_days", contains(45, 10, 3));
        given().header("Authorization", EDITOR)
                .get("/api/cert/certificates/" + id)
                .then()
                .statusCode(200)
                .body("alert_threshold_days", contains(45, 10, 3));
    }

    @Test
    void badThresholdsAreA400AndNothingIsWritten() {
        long id = upload(200, "bad-threshold.example.com");
        patchThresholds(id, "[30]").statusCode(200);
        var before = given().header("Authorization", EDITOR)
                .get("/api/cert/certificates/" + id)
                .then()
                .statusCode(200)
                .extract();
        String eleven = "[1,2,3,4,5,6,7,8,9,10,11]";
        for (String bad : List.of("[0]", "[-3]", "[30, 0]", "[3651]", "[null]", "[\"x\"]", "\"30\"", eleven)) {
            patchThresholds(id, bad)
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(anyOf(startsWith("alert_threshold_days"), equalTo("body"))));
        }
        given().header("Authorization", EDITOR)
                .get("/api/cert/certificates/" + id)
                .then()
                .statusCode(200)
                .header("ETag", before.header("ETag"))
                .body("alert_threshold_days", contains(30))
                .body("version", equalTo(before.jsonPath().getInt("version")));
    }

    private static io.restassured.response.ValidatableResponse patchThresholds(long id, String json) {
        return given().header("Authorization", EDITOR)
                .contentType("application/merge-patch+json")
                .body("{\"alert_threshold_days\":" + json + "}")
                .patch("/api/cert/certificates/" + id)
                .then();
    }

    /** @return the thresholds recorded as sent for a certificate */
    List<Integer> sentThresholds(long certificate) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select threshold_days from certificate_alert where certificate_id = ? order by threshold_days")) {
            query.setLong(1, certificate);
            List<Integer> days = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    days.add(rows.getInt(1));
                }
            }
            return days;
        }
    }

    private static void bind(long certificate, long host, int port) {
        given().header("Authorization", EDITOR)
                .contentType(ContentType.JSON)
                .body("{\"certificate_id\":" + certificate + ",\"host_id\":" + host + ",\"port\":" + port
                        + ",\"platform\":\"web_server\"}")
                .post("/api/cert/bindings")
                .then()
                .statusCode(201);
    }
}
