package io.infrasystem.project;

import static io.restassured.RestAssured.given;

import io.infrasystem.commons.security.Scopes;
import io.infrasystem.commons.testing.TestTokens;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** Callers and data of project-service tests, made through the API as an administrator. */
public final class Fixtures {

    /** An administrator (realm role {@code admin}). */
    public static final String ADMIN = TestTokens.user("root", Scopes.groupsForRoles(Set.of(Scopes.ADMIN)));

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    private Fixtures() {}

    /** @return a token of a non-admin person (realm role {@code editor}: every read and write scope) */
    public static String editor(String username) {
        return TestTokens.user(username, Scopes.groupsForRoles(Set.of(Scopes.EDITOR)));
    }

    /** @return a token of a non-admin person (realm role {@code viewer}) */
    public static String viewer(String username) {
        return TestTokens.user(username, Scopes.groupsForRoles(Set.of(Scopes.VIEWER)));
    }

    /**
     * @param owner the user the key acts for ({@code acts_for}), or {@code null} for a token without it
     * @return a token of an API key with {@code project:read}, as the gateway signs it
     */
    public static String apiKey(String name, String owner) {
        var claims = Jwt.issuer("infra-gateway")
                .audience("infra-services")
                .subject(name)
                .preferredUserName(name)
                .claim("principal_type", "api_key")
                .groups(Set.of(Scopes.PROJECT_READ))
                .expiresIn(Duration.ofMinutes(5));
        if (owner != null) {
            claims.claim("acts_for", owner);
        }
        return "Bearer " + claims.sign();
    }

    /** @return a name unique in this test run */
    public static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    /** @return the id of a new client */
    public static long client(String name) {
        return create("/api/project/clients", "{\"name\": \"" + name + "\", \"contact_email\": \"ops@example.com\"}");
    }

    /** @return the id of a new project of the client */
    public static long project(long clientId, String name) {
        return create(
                "/api/project/projects",
                "{\"client_id\": " + clientId + ", \"name\": \"" + name + "\", \"status\": \"active\"}");
    }

    /** @return the id of a new project of a new client */
    public static long project(String name) {
        return project(client(unique("client")), name);
    }

    /** @return the id of a new active instance of the project */
    public static long instance(long projectId, String name, String type) {
        return create(
                "/api/project/instances",
                "{\"project_id\": " + projectId + ", \"name\": \"" + name + "\", \"type\": \"" + type
                        + "\", \"url\": \"https://odoo.example.com\", \"odoo_version\": \"17.0\"}");
    }

    /** @return the id of a new assignment of the user to the project */
    public static long assign(long projectId, String username) {
        return create(
                "/api/project/assignments", "{\"project_id\": " + projectId + ", \"username\": \"" + username + "\"}");
    }

    private static long create(String path, String body) {
        return ((Number) given().header("Authorization", ADMIN)
                        .contentType(ContentType.JSON)
                        .body(body)
                        .when()
                        .post(path)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
    }
}
