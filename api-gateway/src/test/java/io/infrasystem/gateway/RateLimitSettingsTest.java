package io.infrasystem.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.infrasystem.commons.testing.TestDatabase;
import io.infrasystem.commons.testing.TestTokens;
import io.infrasystem.gateway.support.Keycloak;
import io.infrasystem.gateway.support.KeycloakDirectory;
import io.infrasystem.gateway.support.UpstreamStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/gateway/rate-limits}: administrators only, every field validated (nothing stored on a
 * 400), optimistic locking, an audit entry per change, and the new limit enforced at once.
 */
@QuarkusTest
@TestProfile(RateLimitSettingsTest.OwnApp.class)
@QuarkusTestResource(value = TestDatabase.class, initArgs = @ResourceArg(name = "kind", value = "postgresql"))
@QuarkusTestResource(UpstreamStub.class)
@QuarkusTestResource(KeycloakDirectory.class)
class RateLimitSettingsTest {

    static final String LIMITS = "/api/gateway/rate-limits";
    static final String ADMIN = TestTokens.user("rate-admin", Set.of("admin"));

    /** An application of its own: the limits stored here must not throttle other test classes. */
    public static class OwnApp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("infra.gateway.rate-limit.reload-interval", "1h");
        }
    }

    @Test
    void editorsAndViewersNeitherReadNorChangeTheLimits() {
        for (String role : List.of("editor", "viewer")) {
            String bearer = TestTokens.user("rate-" + role, Set.of(role));
            given().header("Authorization", bearer).when().get(LIMITS).then().statusCode(403);
            given().header("Authorization", bearer)
                    .contentType(ContentType.JSON)
                    .body(limits(5000, 5000, 5000, 60))
                    .when()
                    .put(LIMITS)
                    .then()
                    .statusCode(403);
        }
    }

    @Test
    void anAdministratorSetsALimitThatIsValidatedAuditedAndEnforcedAtOnce() {
        String etag = given().header("Authorization", ADMIN)
                .when()
                .get(LIMITS)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        long version =
                given().header("Authorization", ADMIN).get(LIMITS).jsonPath().getLong("version");

        // Every bad field is named, and nothing is stored.
        Map<String, Object> bad = new HashMap<>();
        bad.put("principal", 5);
        bad.put("anonymous", null);
        bad.put("own_endpoints", 2_000_000);
        bad.put("period_seconds", 0);
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(bad)
                .when()
                .put(LIMITS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("principal", "anonymous", "own_endpoints", "period_seconds"));
        given().header("Authorization", ADMIN).when().get(LIMITS).then().body("version", equalTo((int) version));

        // A stale version is refused.
        given().header("Authorization", ADMIN)
                .header("If-Match", "\"" + (version + 7) + "\"")
                .contentType(ContentType.JSON)
                .body(limits(12, 1000, 600, 3600))
                .when()
                .put(LIMITS)
                .then()
                .statusCode(412);

        // Twelve requests an hour per principal, from now on.
        given().header("Authorization", ADMIN)
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(limits(12, 1000, 600, 3600))
                .when()
                .put(LIMITS)
                .then()
                .statusCode(200)
                .body("principal", equalTo(12))
                .body("period_seconds", equalTo(3600))
                .body("stored", equalTo(true))
                .body("updated_by", equalTo("rate-admin"));
        // A person's Keycloak token: the edge authenticates routed requests before it counts them.
        String limited = Keycloak.bearer("dev-viewer");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            statuses.add(given().header("Authorization", limited)
                    .when()
                    .get("/api/vm/vms")
                    .statusCode());
        }
        assertThat(statuses.subList(0, 12)).doesNotContain(429, 401);
        assertThat(statuses.get(12)).isEqualTo(429);

        given().header("Authorization", ADMIN)
                .queryParam("resource_type", "rate_limit_settings")
                .when()
                .get("/api/gateway/audit")
                .then()
                .statusCode(200)
                .body("results.actor", hasItem("rate-admin"));

        // Generous limits again, which also start every bucket afresh.
        String current = given().header("Authorization", ADMIN).get(LIMITS).header("ETag");
        given().header("Authorization", ADMIN)
                .header("If-Match", current)
                .contentType(ContentType.JSON)
                .body(limits(600, 1000, 600, 60))
                .when()
                .put(LIMITS)
                .then()
                .statusCode(200);
        given().header("Authorization", limited)
                .when()
                .get("/api/vm/vms")
                .then()
                .statusCode(org.hamcrest.Matchers.not(429));
    }

    private static Map<String, Object> limits(long principal, long anonymous, long ownEndpoints, int periodSeconds) {
        return Map.of(
                "principal", principal,
                "anonymous", anonymous,
                "own_endpoints", ownEndpoints,
                "period_seconds", periodSeconds);
    }
}
