package io.infrasystem.commons.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.infrasystem.commons.security.Scopes;
import io.infrasystem.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemMappingTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void validBodyIsAcceptedAndAnsweredInSnakeCase() {
        given().contentType("application/json")
                .body("{\"item_name\":\"web\",\"u_height\":2,\"face\":\"FRONT\"}")
                .when()
                .post("/probe/items")
                .then()
                .statusCode(201)
                .body("item_name", equalTo("web"))
                .body("u_height", equalTo(2));
    }

    @Test
    void constraintViolationsListEveryFieldBySnakeCaseName() {
        postingItemIsA400Problem("{\"item_name\":\" \",\"u_height\":99}")
                .body("type", endsWith("/validation"))
                .body("status", equalTo(400))
                .body("errors.field", hasItems("item_name", "u_height"));
    }

    @Test
    void malformedJsonIsA400WithItsPosition() {
        postingItemIsA400Problem("{\"item_name\": \"web\",")
                .body("type", endsWith("/malformed-json"))
                .body("detail", containsString("line"));
    }

    @Test
    void wrongTypeNamesTheField() {
        postingItemIsA400Problem("{\"item_name\":\"web\",\"u_height\":\"tall\"}")
                .body("errors[0].field", equalTo("u_height"))
                .body("errors[0].message", containsString("number"));
        postingItemIsA400Problem("{\"item_name\":\"web\",\"u_height\":1,\"face\":\"side\"}")
                .body("errors[0].field", equalTo("face"))
                .body("errors[0].message", containsString("front"));
    }

    @Test
    void unknownResourceAndUnknownRouteAre404() {
        given().when()
                .get("/probe/items/7")
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("type", endsWith("/not-found"))
                .body("detail", equalTo("item 7 does not exist"))
                .body("instance", equalTo("/probe/items/7"));
        given().when().get("/probe/nothing-here").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void wrongPathParameterTypeIsNotA500() {
        given().when().get("/probe/items/abc").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void conflictIs409() {
        given().when()
                .post("/probe/conflict")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("detail", containsString("U10-U11"));
    }

    @Test
    void staleIfMatchIs412AndCurrentOnePasses() {
        String body = "{\"item_name\":\"web\",\"u_height\":2}";
        given().contentType("application/json")
                .header("If-Match", "\"2\"")
                .body(body)
                .when()
                .put("/probe/items/1")
                .then()
                .statusCode(412)
                .contentType(PROBLEM)
                .body("type", endsWith("/precondition-failed"));
        given().contentType("application/json")
                .header("If-Match", "\"3\"")
                .body(body)
                .when()
                .put("/probe/items/1")
                .then()
                .statusCode(200);
    }

    @Test
    void bodyOverTheLimitIs413Problem() {
        String big = "{\"item_name\":\"" + "x".repeat(10_000) + "\",\"u_height\":1}";
        given().contentType("application/json")
                .body(big)
                .when()
                .post("/probe/items")
                .then()
                .statusCode(413)
                .contentType(PROBLEM)
                .body("type", endsWith("/payload-too-large"));
    }

    @Test
    void methodNotAllowedAndUnsupportedMediaTypeAreProblems() {
        given().when().delete("/probe/items/1").then().statusCode(405).contentType(PROBLEM);
        given().contentType("text/plain")
                .body("hello")
                .when()
                .post("/probe/items")
                .then()
                .statusCode(415)
                .contentType(PROBLEM);
    }

    @Test
    void unexpectedErrorIs500WithoutInternals() {
        given().header("X-Request-ID", "probe-500")
                .when()
                .get("/probe/boom")
                .then()
                .statusCode(500)
                .contentType(PROBLEM)
                .body("detail", not(containsString("secret")))
                .body("request_id", equalTo("probe-500"))
                .body(not(containsString("at io.")))
                .body(not(containsString("Exception")));
    }

    @Test
    void unknownFilterAndBadPagingAre400() {
        given().when()
                .get("/probe/items?colour=red")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("colour"));
        given().when()
                .get("/probe/items?limit=lots")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void pagesCarryCountAndLinksThatKeepFilters() {
        given().when()
                .get("/probe/items?limit=50&offset=50&id__gte=1")
                .then()
                .statusCode(200)
                .body("count", equalTo(120))
                .body("results.size()", equalTo(50))
                .body("results[0]", equalTo(51))
                .body("next", containsString("offset=100"))
                .body("next", containsString("id__gte=1"))
                .body("previous", containsString("offset=0"));
        given().when()
                .get("/probe/items?offset=100")
                .then()
                .body("next", nullValue())
                .body("results.size()", equalTo(20));
    }

    @Test
    void missingTokenIs401AndInsufficientScopeIs403() {
        given().when()
                .get("/probe/secure")
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", "Bearer");
        given().header("Authorization", TestTokens.user("vera", Scopes.groupsForRoles(Set.of(Scopes.VIEWER))))
                .when()
                .get("/probe/secure")
                .then()
                .statusCode(403)
                .contentType(PROBLEM)
                .body("type", endsWith("/forbidden"));
        given().header("Authorization", TestTokens.user("eddie", Scopes.groupsForRoles(Set.of(Scopes.EDITOR))))
                .when()
                .get("/probe/secure")
                .then()
                .statusCode(200);
        given().header("Authorization", TestTokens.apiKey("n8n", Scopes.VM_WRITE))
                .when()
                .get("/probe/secure")
                .then()
                .statusCode(200);
    }

    @Test
    void expiredOrForgedInternalTokensAre401() {
        Set<String> editor = Scopes.groupsForRoles(Set.of(Scopes.EDITOR));
        given().header("Authorization", TestTokens.expired("eddie", editor))
                .when()
                .get("/probe/secure")
                .then()
                .statusCode(401)
                .contentType(PROBLEM);
        given().header("Authorization", TestTokens.forged("mallory", editor))
                .when()
                .get("/probe/secure")
                .then()
                .statusCode(401)
                .contentType(PROBLEM);
    }

    @Test
    void requestIdIsEchoedOrGenerated() {
        given().header("X-Request-ID", "abc-123")
                .when()
                .get("/probe/items/1")
                .then()
                .statusCode(200)
                .header("X-Request-ID", "abc-123");
        given().header("X-Request-ID", "bad id with spaces\r\n")
                .when()
                .get("/probe/items/1")
                .then()
                .statusCode(200)
                .header("X-Request-ID", notNullValue())
                .header("X-Request-ID", not(containsString(" ")));
        given().when().get("/probe/items/9").then().statusCode(404).body("request_id", notNullValue());
    }

    @Test
    void problemsNeverCarryStackTraces() {
        postingItemIsA400Problem("[1,2")
                .body("type", endsWith("/malformed-json"))
                .body(not(containsString("com.fasterxml")))
                .body(not(containsString("\tat ")));
    }

    /** Posts {@code json} to the probe resource and checks that the answer is a 400 problem. */
    private static ValidatableResponse postingItemIsA400Problem(String json) {
        return given().contentType("application/json")
                .body(json)
                .when()
                .post("/probe/items")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
    }
}
