package io.infrasystem.commons.paging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@link Page}'s {@code next} and {@code previous} are absolute URLs on the public base the gateway
 * forwards ({@code X-Forwarded-Proto}, {@code X-Forwarded-Host} with port, {@code X-Forwarded-Prefix}),
 * believed only from a trusted proxy ({@code quarkus.http.proxy.trusted-proxies}, 127.0.0.1 by
 * default); the probe lists 120 items.
 */
@QuarkusTest
class PageLinksTest {

    @TestHTTPResource("/")
    URI root;

    @Test
    void linksUseTheForwardedPublicBaseAndKeepTheOtherParameters() {
        given().header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "infra.example.com:8443")
                .header("X-Forwarded-Prefix", "/infra")
                .when()
                .get("/probe/items?id__gte=1&limit=50&offset=50")
                .then()
                .statusCode(200)
                .body("count", equalTo(120))
                .body("next", equalTo("https://infra.example.com:8443/infra/probe/items?id__gte=1&limit=50&offset=100"))
                .body(
                        "previous",
                        equalTo("https://infra.example.com:8443/infra/probe/items?id__gte=1&limit=50&offset=0"));
    }

    @Test
    void aDefaultPortIsLeftOutAndNoPrefixMeansNone() {
        given().header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "infra.example.com:443")
                .when()
                .get("/probe/items?limit=100")
                .then()
                .statusCode(200)
                .body("next", equalTo("https://infra.example.com/probe/items?limit=100&offset=100"))
                .body("previous", equalTo(null));
    }

    @Test
    void withoutForwardedHeadersTheLinksNameTheAddressTheClientUsed() {
        String next = given().when()
                .get("/probe/items?limit=100")
                .then()
                .statusCode(200)
                .extract()
                .path("next");
        assertThat(next)
                .isEqualTo(root.resolve("/probe/items?limit=100&offset=100").toString());
    }

    @Test
    void forwardedHeadersFromAnUntrustedAddressAreIgnored() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .localAddress(InetAddress.getByName("127.0.0.2"))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(root.resolve("/probe/items?limit=100"))
                        .header("X-Forwarded-Proto", "https")
                        .header("X-Forwarded-Host", "evil.example")
                        .header("X-Forwarded-Prefix", "/evil")
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"next\":\"" + root.resolve("/probe/items?limit=100&offset=100") + "\"")
                .doesNotContain("evil");
    }
}
