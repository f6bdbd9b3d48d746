package io.infrasystem.mail.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;

/** Calls of the service's JSON API in tests. */
public final class Api {

    private Api() {}

    /**
     * @param token the {@code Authorization} header value
     * @param path the request path, e.g. {@code /api/mail/channels}
     * @param json the body
     * @return the response of the {@code POST}
     */
    public static Response post(String token, String path, String json) {
        return given().header("Authorization", token)
                .contentType("application/json")
                .body(json)
                .when()
                .post(path);
    }
}
