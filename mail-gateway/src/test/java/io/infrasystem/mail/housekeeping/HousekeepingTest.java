package io.infrasystem.mail.housekeeping;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.infrasystem.mail.support.Mail;
import io.infrasystem.mail.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HousekeepingTest {

    @Inject
    Housekeeping housekeeping;

    @Inject
    DataSource dataSource;

    @Test
    void expiredIdempotencyKeysGoAfterTheirGraceButValidOnesStay() throws SQLException {
        String key = "hk-" + System.nanoTime();
        given().header("Authorization", Tokens.sender("hk"))
                .header("Idempotency-Key", key)
                .contentType("application/json")
                .body("{\"to\":[\"" + Mail.uniqueAddress("hk") + "\"],\"subject\":\"s\",\"text\":\"t\"}")
                .when()
                .post("/api/mail/messages")
                .then()
                .statusCode(202);

        housekeeping.purge(Instant.now());
        assertThat(keys(key)).isEqualTo(1);
        housekeeping.purge(Instant.now()
                .plus(Duration.ofHours(24))
                .plus(Duration.ofDays(1))
                .plusSeconds(60));
        assertThat(keys(key)).isZero();
    }

    private long keys(String key) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from idempotency_key where idem_key = ?")) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
