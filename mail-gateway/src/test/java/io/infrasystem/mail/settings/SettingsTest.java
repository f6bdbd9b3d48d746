package io.infrasystem.mail.settings;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.infrasystem.commons.crypto.SecretCipher;
import io.infrasystem.mail.support.Api;
import io.infrasystem.mail.support.Mail;
import io.infrasystem.mail.support.SmtpServerResource;
import io.infrasystem.mail.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SettingsTest {

    @Inject
    DataSource dataSource;

    @Inject
    SecretCipher cipher;

    @Test
    void viewerAndSenderCannotReadOrChangeSettings() {
        given().header("Authorization", Tokens.viewer())
                .when()
                .get("/api/mail/settings")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", Tokens.editor())
                .when()
                .get("/api/mail/settings")
                .then()
                .statusCode(403);
        given().header("Authorization", Tokens.sender("n8n"))
                .contentType("application/json")
                .body("{}")
                .when()
                .put("/api/mail/settings")
                .then()
                .statusCode(403);
    }

    @Test
    void passwordIsStoredEncryptedAndNeverReturned() throws SQLException {
        String etag = given().header("Authorization", Tokens.admin())
                .when()
                .get("/api/mail/settings")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        String body = """
                {"host": "127.0.0.1", "port": %d, "tls_mode": "none", "username": null, "password": "s3cret-Pa55",
                 "from_address": "Infra-System <noreply@infra-system.local>", "rate_per_minute": 6000}""".formatted(SmtpServerResource.port());
        given().header("Authorization", Tokens.admin())
                .header("If-Match", etag)
                .contentType("application/json")
                .body(body)
                .when()
                .put("/api/mail/settings")
                .then()
                .statusCode(200)
                .body("password_set", equalTo(true))
                .body("$", not(hasKey("password")))
                .body("stored", equalTo(true));
        String stored = column("select password_encrypted from smtp_settings where id = 1");
        assertThat(stored).startsWith("v1:").doesNotContain("s3cret");
        assertThat(cipher.decrypt(stored)).isEqualTo("s3cret-Pa55");
        given().header("Authorization", Tokens.admin())
                .when()
                .get("/api/mail/settings")
                .then()
                .statusCode(200)
                .body("password_set", equalTo(true))
                .body("$", not(hasKey("password")));
        assertThat(given().header("Authorization", Tokens.admin())
                        .when()
                        .get("/api/mail/audit?resource_type=settings")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .doesNotContain("s3cret");

        // a stale version is refused; an empty password removes it
        given().header("Authorization", Tokens.admin())
                .header("If-Match", "\"999\"")
                .contentType("application/json")
                .body(body)
                .when()
                .put("/api/mail/settings")
                .then()
                .statusCode(412);
        given().header("Authorization", Tokens.admin())
                .contentType("application/json")
                .body(body.replace("s3cret-Pa55", ""))
                .when()
                .put("/api/mail/settings")
                .then()
                .statusCode(200)
                .body("password_set", equalTo(false));
    }

    @Test
    void invalidSettingsAreRefusedNamingEachField() {
        given().header("Authorization", Tokens.admin())
                .contentType("application/json")
                .body("""
                {"host": "smtp example", "port": 70000, "tls_mode": "ssl3", "from_address": "nobody",
                 "rate_per_minute": 0}""")
                .when()
                .put("/api/mail/settings")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("host", "port", "tls_mode", "from_address", "rate_per_minute"));
    }

    @Test
    void testSendReportsTheServersReplyAndDelivers() {
        String to = Mail.uniqueAddress("settings-test");
        Api.post(Tokens.admin(), "/api/mail/settings/test", "{\"to\": \"" + to + "\"}")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("sent"))
                .body("reply_code", equalTo(250));
        await().atMost(Duration.ofSeconds(5)).until(() -> Mail.receivedBy(to).size() == 1);
        Api.post(Tokens.admin(), "/api/mail/settings/test", "{\"to\": \"not an address\"}")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("to"));
    }

    private String column(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
