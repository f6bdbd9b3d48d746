package io.infrasystem.cert.certificate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import io.infrasystem.cert.TestCertificates;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.commons.testing.TestDatabase;
import io.infrasystem.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/cert/certificates/expiry-months}: certificates ending per calendar month of the
 * caller's zone, within the list's filters, in one answer.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.Postgres.class)
class ExpiryTimelineTest {

    static final String EDITOR = TestTokens.user("ed", Scopes.groupsForRoles(Set.of(Scopes.EDITOR)));
    static final String VIEWER = TestTokens.user("vi", Scopes.groupsForRoles(Set.of(Scopes.VIEWER)));

    /** A prefix of this run's common names, so other tests' certificates never count. */
    static final String PREFIX = "timeline-" + System.nanoTime() + "-";

    private static boolean uploaded;

    /** Once per run (RestAssured reaches the test's port only from {@code @BeforeEach} on). */
    @BeforeEach
    void uploadCertificates() {
        if (uploaded) {
            return;
        }
        uploaded = true;
        upload("a", "2091-01-15T12:00:00Z");
        upload("b", "2091-03-10T00:00:00Z");
        // 23:30 UTC on 31 March is already 1 April in Berlin
        upload("c", "2091-03-31T23:30:00Z");
    }

    void upload(String name, String notAfter) {
        Instant end = Instant.parse(notAfter);
        String pem = TestCertificates.issue(PREFIX + name, end.minusSeconds(86_400 * 400L), end, null, false)
                .pem();
        given().header("Authorization", EDITOR)
                .contentType("text/plain")
                .body(pem.getBytes(StandardCharsets.US_ASCII))
                .post("/api/cert/certificates/upload")
                .then()
                .statusCode(201);
    }

    JsonPath timeline(String query) {
        return given().header("Authorization", VIEWER)
                .get("/api/cert/certificates/expiry-months?common_name__isw=" + PREFIX + "&" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void countsEachMonthOfTheZoneIncludingEmptyOnes() {
        JsonPath utc = timeline("from=2091-01&months=4&zone=UTC");
        assertThat(utc.getList("month")).containsExactly("2091-01", "2091-02", "2091-03", "2091-04");
        assertThat(utc.getList("count", Long.class)).containsExactly(1L, 0L, 2L, 0L);
        assertThat(utc.getString("[0].start")).isEqualTo("2091-01-01T00:00:00Z");
        assertThat(utc.getString("[3].end")).isEqualTo("2091-05-01T00:00:00Z");

        JsonPath berlin = timeline("from=2091-01&months=4&zone=Europe/Berlin");
        assertThat(berlin.getList("count", Long.class)).containsExactly(1L, 0L, 1L, 1L);
        assertThat(berlin.getString("[0].start")).isEqualTo("2090-12-31T23:00:00Z");
    }

    @Test
    void countsWithinTheListFilters() {
        assertThat(timeline("from=2091-01&months=3&common_name=" + PREFIX + "b").getList("count", Long.class))
                .containsExactly(0L, 0L, 1L);
        assertThat(timeline("from=2091-03&months=1&expires_before=2091-03-20").getList("count", Long.class))
                .containsExactly(1L);
    }

    @Test
    void defaultsToTwelveMonthsFromTheCurrentOneInUtc() {
        String before = YearMonth.now(ZoneOffset.UTC).toString();
        JsonPath months = timeline("");
        String after = YearMonth.now(ZoneOffset.UTC).toString();
        assertThat(months.getList("month")).hasSize(12);
        assertThat(months.getString("[0].month")).isIn(before, after);
        assertThat(months.getList("count", Long.class)).containsOnly(0L);
    }

    @Test
    void refusesBadParametersNamingThem() {
        for (String[] bad : new String[][] {
            {"months=0", "months"},
            {"months=25", "months"},
            {"months=twelve", "months"},
            {"from=2091-13", "from"},
            {"zone=Mars/Olympus", "zone"},
            {"colour=red", "colour"},
            {"expires_before=tomorrow", "expires_before"}
        }) {
            given().header("Authorization", VIEWER)
                    .get("/api/cert/certificates/expiry-months?" + bad[0])
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(bad[1]));
        }
    }

    @Test
    void needsTheReadScope() {
        given().get("/api/cert/certificates/expiry-months").then().statusCode(401);
        given().header("Authorization", TestTokens.user("nobody", Set.of()))
                .get("/api/cert/certificates/expiry-months")
                .then()
                .statusCode(403);
    }
}
