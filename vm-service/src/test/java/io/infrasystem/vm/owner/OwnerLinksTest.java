package io.infrasystem.vm.owner;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.infrasystem.commons.security.Scopes;
import io.infrasystem.commons.testing.TestDatabase;
import io.infrasystem.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The CRUD kernel's {@code Location} (and the owners list's {@code next}) name the public base the
 * gateway forwards, or the address the client used when nothing is forwarded.
 */
@QuarkusTest
@QuarkusTestResource(value = TestDatabase.class, initArgs = @ResourceArg(name = "kind", value = "postgresql"))
class OwnerLinksTest {

    static final String EDITOR = TestTokens.user("ed", Scopes.groupsForRoles(Set.of(Scopes.EDITOR)));

    @TestHTTPResource("/")
    URI root;

    @Test
    void locationAndNextAreOnTheForwardedPublicBase() {
        ExtractableResponse<Response> created = create(true);
        long id = ((Number) created.path("id")).longValue();
        assertThat(created.header("Location")).isEqualTo("https://infra.example.com:8443/infra/api/vm/owners/" + id);
        create(true);
        String next = given().header("Authorization", EDITOR)
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "infra.example.com:8443")
                .header("X-Forwarded-Prefix", "/infra")
                .when()
                .get("/api/vm/owners?limit=1")
                .then()
                .statusCode(200)
                .extract()
                .path("next");
        assertThat(next).isEqualTo("https://infra.example.com:8443/infra/api/vm/owners?limit=1&offset=1");
    }

    @Test
    void withoutForwardedHeadersLocationNamesTheAddressTheClientUsed() {
        ExtractableResponse<Response> created = create(false);
        long id = ((Number) created.path("id")).longValue();
        assertThat(created.header("Location"))
                .isEqualTo(root.resolve("/api/vm/owners/" + id).toString());
    }

    private static ExtractableResponse<Response> create(boolean forwarded) {
        var request = given().header("Authorization", EDITOR).contentType(ContentType.JSON);
        if (forwarded) {
            request = request.header("X-Forwarded-Proto", "https")
                    .header("X-Forwarded-Host", "infra.example.com:8443")
                    .header("X-Forwarded-Prefix", "/infra");
        }
        return request.body(
                        "{\"full_name\": \"Link Test\", \"email\": \"links-" + System.nanoTime() + "@example.com\"}")
                .when()
                .post("/api/vm/owners")
                .then()
                .statusCode(201)
                .extract();
    }
}
