package io.infrasystem.gateway.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.infrasystem.commons.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The web application at {@code /}: cache headers, the SPA fallback, the Content-Security-Policy,
 * and that API paths are never answered with the app. The hashed asset is a test resource; {@code
 * index.html} comes from the {@code web} module's jar (or its test stand-in when npm was skipped).
 */
@QuarkusTest
@QuarkusTestResource(value = TestDatabase.class, initArgs = @ResourceArg(name = "kind", value = "postgresql"))
class WebAppTest {

    private static final String ASSET = "/assets/gateway-test-1a2b3c.js";

    @Test
    void hashedAssetsAreCachedForAYearWithoutAuthentication() {
        given().when()
                .get(ASSET)
                .then()
                .statusCode(200)
                .contentType(startsWith("text/javascript"))
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .body(containsString("gateway test asset"));
    }

    @Test
    void anUnknownAssetIs404NotTheApp() {
        given().accept("text/html").when().get("/assets/missing-0000.js").then().statusCode(404);
    }

    @Test
    void indexHtmlIsRevalidatedAndCarriesTheContentSecurityPolicy() {
        given().accept("text/html")
                .when()
                .get("/")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Cache-Control", "no-cache")
                .header(
                        "Content-Security-Policy",
                        allOf(
                                containsString("default-src 'self'"),
                                containsString("script-src 'self';"),
                                containsString("connect-src 'self' http://127.0.0.1:8180;"),
                                containsString("frame-src http://127.0.0.1:8180;"),
                                containsString("frame-ancestors 'none'"),
                                not(containsString("*"))))
                .body(containsString("<div id=\"root\">"));
    }

    @Test
    void clientRoutesFallBackToIndexHtml() {
        given().accept("text/html,application/xhtml+xml")
                .when()
                .get("/vms/42")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Cache-Control", "no-cache")
                .body(containsString("<div id=\"root\">"));
    }

    /** {@code /assets} is the app's asset list screen, not the folder of Vite's built files. */
    @Test
    void aRouteNamedLikeAFolderOfTheAppIsTheApp() {
        given().accept("text/html")
                .when()
                .get("/assets")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("<div id=\"root\">"));
    }

    @Test
    void aNonHtmlRequestForAnUnknownPathIsNotTheApp() {
        given().accept("application/json")
                .when()
                .get("/vms/42")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void unknownApiPathsStillAnswerProblemJsonEvenToABrowser() {
        given().accept("text/html")
                .when()
                .get("/api/nothing/here")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void theAppReadsItsLoginSettingsFromConfigJson() {
        given().when()
                .get("/config.json")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .header("Cache-Control", "no-cache")
                .body("authority", equalTo("http://127.0.0.1:8180/realms/infra"))
                .body("client_id", equalTo("infra-web"));
    }
}
