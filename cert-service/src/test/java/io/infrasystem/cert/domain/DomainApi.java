package io.infrasystem.cert.domain;

import static io.restassured.RestAssured.given;

import io.infrasystem.commons.security.Scopes;
import io.infrasystem.commons.testing.TestTokens;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/** What the domain tests share: tokens, creating a domain through the API, reading the outbox. */
final class DomainApi {

    static final String EDITOR = TestTokens.user("ed", Scopes.groupsForRoles(Set.of(Scopes.EDITOR)));
    static final String VIEWER = TestTokens.user("vi", Scopes.groupsForRoles(Set.of(Scopes.VIEWER)));
    static final String ADMIN = TestTokens.user("ad", Scopes.groupsForRoles(Set.of(Scopes.ADMIN)));

    private DomainApi() {}

    /** @return the id of a domain created by an editor (its missing parents are created with it) */
    static long create(String name) {
        return given().header("Authorization", EDITOR)
                .contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\"}")
                .post("/api/cert/domains")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    /** @return the payloads of outbox events of this type and subject, oldest first */
    static List<String> events(DataSource dataSource, String type, String subject) throws SQLException {
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
}
