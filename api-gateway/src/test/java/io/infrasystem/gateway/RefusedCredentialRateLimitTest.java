package io.infrasystem.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.infrasystem.commons.testing.TestDatabase;
import io.infrasystem.commons.testing.TestTokens;
import io.infrasystem.gateway.support.KeycloakDirectory;
import io.infrasystem.gateway.support.UpstreamStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 2: bogus keys with a new {@code X-Forwarded-For} each never met a 429, and every
 * bad key was looked up. Now the socket address counts, and once it is out of allowance nothing of
 * its requests is looked up or written.
 */
@QuarkusTest
@TestProfile(RefusedCredentialRateLimitTest.SmallAllowance.class)
@QuarkusTestResource(value = TestDatabase.class, initArgs = @ResourceArg(name = "kind", value = "postgresql"))
@QuarkusTestResource(UpstreamStub.class)
@QuarkusTestResource(KeycloakDirectory.class)
class RefusedCredentialRateLimitTest {

    static final int ALLOWANCE = 20;

    /**
     * A small allowance of refused credentials per address, refilled over an hour: on a busy machine
     * the test's 35 requests take seconds, and a per-minute refill would hand back a token meanwhile.
     */
    public static class SmallAllowance implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "infra.gateway.rate-limit.anonymous",
                    String.valueOf(ALLOWANCE),
                    "infra.gateway.rate-limit.period",
                    "1h");
        }
    }

    @Test
    void bogusKeysWithAForgedForwardedForAreLimitedByTheSocketAddressAndNotLookedUpOnceLimited() {
        Random random = new Random(13);
        List<String> keyIds = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < ALLOWANCE + 15; i++) {
            byte[] id = new byte[6];
            random.nextBytes(id);
            String keyId = HexFormat.of().formatHex(id);
            keyIds.add(keyId);
            Response response = given().header("X-API-Key", "isk_" + keyId + "_" + "B".repeat(43))
                    .header("X-Forwarded-For", "6.6.6." + i)
                    .header("Forwarded", "for=6.6.6." + i)
                    .when()
                    .get("/api/vm/vms");
            statuses.add(response.statusCode());
            assertThat(response.contentType()).startsWith("application/problem+json");
            if (response.statusCode() == 429) {
                assertThat(Long.parseLong(response.header("Retry-After"))).isPositive();
            }
        }
        assertThat(statuses.subList(0, ALLOWANCE)).containsOnly(401);
        assertThat(statuses.subList(ALLOWANCE, statuses.size())).containsOnly(429);

        // Nothing was written for the limited ones, and no failure row names a forged address.
        for (String keyId : keyIds.subList(ALLOWANCE, keyIds.size())) {
            assertThat(failures(Map.of("credential_hint", keyId))).as(keyId).isZero();
        }
        assertThat(failures(Map.of("client_ip__ic", "6.6.6."))).isZero();
        // No credential at all counts against the same allowance.
        given().when().get("/api/vm/vms").then().statusCode(429).contentType("application/problem+json");
    }

    private static int failures(Map<String, String> query) {
        return given().header("Authorization", TestTokens.user("root", Set.of("admin")))
                .queryParams(query)
                .when()
                .get("/api/gateway/auth-failures")
                .then()
                .statusCode(200)
                .extract()
                .path("count");
    }
}
