package io.infrasystem.mail.template;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.infrasystem.mail.support.Api;
import io.infrasystem.mail.support.Mail;
import io.infrasystem.mail.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TemplateTest {

    private static long create(String name) {
        return Api.post(Tokens.admin(), "/api/mail/templates", """
                {"name": "%s", "description": "monthly EoS report",
                 "subject": "End-of-support report {as_of}",
                 "text": "{count} models reach end of support.",
                 "html": "<p>{count} models, first: {first}</p>"}""".formatted(name))
                .then()
                .statusCode(201)
                .body("version", equalTo(0))
                .extract()
                .jsonPath()
                .getLong("id");
    }

    @Test
    void previewRendersWithVariablesAndEscapesHtml() {
        long id = create("eos-" + UUID.randomUUID().toString().substring(0, 8));
        Api.post(
                        Tokens.editor(),
                        "/api/mail/templates/" + id + "/preview",
                        "{\"variables\": {\"as_of\": \"2026-11-01\", \"count\": 3, \"first\": \"<script>x</script>\"}}")
                .then()
                .statusCode(200)
                .body("subject", equalTo("End-of-support report 2026-11-01"))
                .body("text", equalTo("3 models reach end of support."))
                .body("html", equalTo("<p>3 models, first: &lt;script&gt;x&lt;/script&gt;</p>"));
        Api.post(
                        Tokens.editor(),
                        "/api/mail/templates/" + id + "/preview",
                        "{\"variables\": {\"as_of\": \"2026-11-01\"}}")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("variables"));
    }

    @Test
    void messageFromTemplateRecordsNameAndVersionAndArrivesRendered() throws Exception {
        String name = "eos-" + UUID.randomUUID().toString().substring(0, 8);
        long id = create(name);
        given().header("Authorization", Tokens.admin())
                .header("If-Match", "\"0\"")
                .contentType("application/json")
                .body("""
                        {"name": "%s", "subject": "EoS report {as_of}", "text": "{count} models.", "html": null}""".formatted(name))
                .when()
                .put("/api/mail/templates/" + id)
                .then()
                .statusCode(200)
                .body("version", equalTo(1));
        String to = Mail.uniqueAddress("template");
        long message = Mail.queuedId(Mail.post(Tokens.editor(), """
                {"to": ["%s"], "template": "%s", "variables": {"as_of": "2026-11-01", "count": 4}}""".formatted(to, name))
                .then()
                .body("template", equalTo(name))
                .body("template_version", equalTo(1)));
        JsonPath sent = Mail.awaitStatus(message, "sent", Duration.ofSeconds(20));
        assertThat(sent.getString("subject")).isEqualTo("EoS report 2026-11-01");
        assertThat(sent.getInt("variables.count")).isEqualTo(4);
        assertThat(Mail.receivedBy(to).get(0).getContent().toString()).contains("4 models.");

        Mail.refused("""
                {"to": ["%s"], "template": "%s", "variables": {"as_of": "2026-11-01"}}""".formatted(to, name))
                .body("errors[0].field", equalTo("variables"))
                .body("errors[0].message", containsString("count"));
    }

    @Test
    void invalidTemplatesAndStaleWritesAreRefused() {
        Api.post(
                        Tokens.admin(),
                        "/api/mail/templates",
                        "{\"name\": \"Bad Name\", \"subject\": \"line\\nbreak\", \"text\": \"{#if}unclosed\"}")
                .then()
                .statusCode(400);
        String name = "dup-" + UUID.randomUUID().toString().substring(0, 8);
        long id = create(name);
        Api.post(
                        Tokens.admin(),
                        "/api/mail/templates",
                        "{\"name\": \"" + name + "\", \"subject\": \"s\", \"text\": \"t\"}")
                .then()
                .statusCode(409);
        given().header("Authorization", Tokens.admin())
                .header("If-Match", "\"7\"")
                .when()
                .delete("/api/mail/templates/" + id)
                .then()
                .statusCode(412);
        given().header("Authorization", Tokens.editor())
                .when()
                .delete("/api/mail/templates/" + id)
                .then()
                .statusCode(403);
        given().header("Authorization", Tokens.admin())
                .when()
                .delete("/api/mail/templates/" + id)
                .then()
                .statusCode(204);
        given().header("Authorization", Tokens.viewer())
                .when()
                .get("/api/mail/templates/" + id)
                .then()
                .statusCode(404);
    }
}
