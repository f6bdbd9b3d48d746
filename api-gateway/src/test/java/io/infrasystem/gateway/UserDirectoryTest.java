package io.infrasystem.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.infrasystem.commons.testing.TestDatabase;
import io.infrasystem.gateway.support.Keycloak;
import io.infrasystem.gateway.support.KeycloakDirectory;
import io.infrasystem.gateway.support.UpstreamStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/gateway/users} against the stack's real Keycloak: what the project members screen
 * picks users from. Same test resources as {@link ApiKeyTest}, so both share one application.
 */
@QuarkusTest
@QuarkusTestResource(value = TestDatabase.class, initArgs = @ResourceArg(name = "kind", value = "postgresql"))
@QuarkusTestResource(UpstreamStub.class)
@QuarkusTestResource(KeycloakDirectory.class)
class UserDirectoryTest {

    static final String USERS = "/api/gateway/users";

    @Test
    void anAdminFindsAUserByPartOfTheNameOrEmailWithTheKeycloakIdAndPagesThroughMatches() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String first = Keycloak.createUser("pick-" + suffix + "-a", "pick-password-1", "viewer");
        String second = Keycloak.createUser("pick-" + suffix + "-b", "pick-password-1", "editor");
        try {
            JsonPath found = asAdmin()
                    .queryParam("q", "PICK-" + suffix)
                    .get(USERS)
                    .then()
                    .statusCode(200)
                    .body("count", equalTo(2))
                    .extract()
                    .jsonPath();
            assertThat(found.getList("results.username", String.class))
                    .containsExactly("pick-" + suffix + "-a", "pick-" + suffix + "-b");
            assertThat(found.getList("results.id", String.class)).containsExactly(first, second);
            assertThat(found.getString("results[0].email")).isEqualTo("pick-" + suffix + "-a@infra-system.invalid");
            assertThat(found.getBoolean("results[0].enabled")).isTrue();

            JsonPath page2 = asAdmin()
                    .queryParam("q", "pick-" + suffix)
                    .queryParam("limit", 1)
                    .queryParam("offset", 1)
                    .get(USERS)
                    .then()
                    .statusCode(200)
                    .body("count", equalTo(2))
                    .extract()
                    .jsonPath();
            assertThat(page2.getList("results.username", String.class)).containsExactly("pick-" + suffix + "-b");
            assertThat(page2.getString("previous")).contains("offset=0");

            asAdmin()
                    .queryParam("q", "nobody-" + suffix)
                    .get(USERS)
                    .then()
                    .statusCode(200)
                    .body("count", equalTo(0))
                    .body("results", equalTo(List.of()));
        } finally {
            Keycloak.deleteUser(first);
            Keycloak.deleteUser(second);
        }
    }

    @Test
    void withoutAFilterTheDevUsersAreListed() {
        asAdmin()
                .queryParam("limit", 100)
                .get(USERS)
                .then()
                .statusCode(200)
                .body("results.username", hasItem("dev-viewer"));
    }

    @Test
    void onlyAdminsReadTheDirectoryAndBadPagingIsA400() {
        given().header("Authorization", Keycloak.bearer("dev-editor"))
                .get(USERS)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().get(USERS).then().statusCode(401);
        asAdmin().queryParam("limit", "x").get(USERS).then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    private static io.restassured.specification.RequestSpecification asAdmin() {
        return given().header("Authorization", Keycloak.bearer("dev-admin"));
    }
}
