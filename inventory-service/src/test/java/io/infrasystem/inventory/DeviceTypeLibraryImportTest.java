package io.infrasystem.inventory;

import static io.infrasystem.inventory.Api.ADMIN;
import static io.infrasystem.inventory.Api.EDITOR;
import static io.infrasystem.inventory.Api.VIEWER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.infrasystem.commons.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.MariaDb.class)
class DeviceTypeLibraryImportTest {

    private static final String PATH = "/api/inventory/models/import/devicetype-library";

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = DeviceTypeLibraryImportTest.class.getResourceAsStream("/devicetypes/" + name)) {
            return in.readAllBytes();
        }
    }

    private static ValidatableResponse upload(String token, byte[] body, String query) {
        return given().header("Authorization", token)
                .contentType("application/yaml")
                .body(body)
                .post(PATH + query)
                .then();
    }

    @Test
    void zeroUPduImportsWithoutDepthAndWithTheHashCommentAsNoNotes() throws IOException {
        upload(ADMIN, fixture("Raritan_PX3-ZeroU.yaml"), "?category=pdu")
                .statusCode(200)
                .body("created", equalTo(1))
                .body("models[0].manufacturer_name", equalTo("Raritan"))
                .body("models[0].name", equalTo("PX3-5146R"))
                .body("models[0].u_height", equalTo(0.0f))
                .body("models[0].is_full_depth", equalTo(false))
                .body("models[0].notes", nullValue())
                .body("models[0].category", equalTo("pdu"));
    }

    @Test
    void crlfSwitchFileImportsLikeAnyOtherAndReimportUpdates() throws IOException {
        byte[] crlf = fixture("Arista_DCS-7050SX3-48YC8.yaml");
        assertThat(new String(crlf, StandardCharsets.UTF_8)).contains("\r\n");
        upload(ADMIN, crlf, "?category=switch")
                .statusCode(200)
                .body("created", equalTo(1))
                .body("models[0].part_number", equalTo("DCS-7050SX3-48YC8-F"))
                .body("models[0].u_height", equalTo(1.0f))
                .body("models[0].is_full_depth", equalTo(true))
                .body("models[0].notes", containsString("Arista 7050X3 Data Sheet"));
        int id = given().header("Authorization", VIEWER)
                .get("/api/inventory/models?name=DCS-7050SX3-48YC8")
                .then()
                .body("count", equalTo(1))
                .extract()
                .path("results[0].id");
        given().header("Authorization", EDITOR)
                .contentType("application/json")
                .body("{\"end_of_support\":\"2030-06-30\"}")
                .patch("/api/inventory/models/" + id)
                .then()
                .statusCode(200);
        upload(ADMIN, crlf, "")
                .statusCode(200)
                .body("created", equalTo(0))
                .body("updated", equalTo(1))
                .body("models[0].id", equalTo(id))
                .body("models[0].end_of_support", equalTo("2030-06-30"))
                .body("models[0].category", equalTo("switch"));
    }

    @Test
    void serverWithCommentLinesAndShallowSwitchWithEmptyStringsImport() throws IOException {
        upload(ADMIN, fixture("Lenovo_ThinkSystem-SR650.yaml"), "?category=server")
                .statusCode(200)
                .body("models[0].u_height", equalTo(2.0f))
                .body("models[0].part_number", nullValue());
        upload(ADMIN, fixture("Mellanox_SN2010-half-width.yaml"), "?category=switch")
                .statusCode(200)
                .body("models[0].part_number", nullValue())
                .body("models[0].notes", nullValue())
                .body("models[0].is_full_depth", equalTo(false));
    }

    @Test
    void severalDocumentsApplyTogetherOrNotAtAll() {
        String good =
                "manufacturer: Tripp Lite\nmodel: SRCOOL-A\nu_height: 0.5\n---\nmanufacturer: Tripp Lite\nmodel: SRCOOL-B\nu_height: 1\n";
        upload(ADMIN, good.getBytes(StandardCharsets.UTF_8), "")
                .statusCode(200)
                .body("created", equalTo(2))
                .body("models.u_height", org.hamcrest.Matchers.contains(0.5f, 1.0f));
        String bad =
                "manufacturer: Tripp Lite\nmodel: SRCOOL-C\nu_height: 1\n---\nmanufacturer: Tripp Lite\nmodel: SRCOOL-D\nu_height: 1.3\n";
        upload(ADMIN, bad.getBytes(StandardCharsets.UTF_8), "")
                .statusCode(400)
                .body("errors.field", hasItem("documents[1].u_height"));
        given().header("Authorization", VIEWER)
                .get("/api/inventory/models?name=SRCOOL-C")
                .then()
                .body("count", equalTo(0));
    }

    @Test
    void brokenYamlMissingFieldsAndRolesAreRefused() {
        upload(ADMIN, "manufacturer: [unclosed\nmodel: x\n".getBytes(StandardCharsets.UTF_8), "")
                .statusCode(400)
                .body("detail", containsString("line"));
        upload(ADMIN, "model: Lonely\n".getBytes(StandardCharsets.UTF_8), "")
                .statusCode(400)
                .body("errors.field", hasItem("documents[0].manufacturer"));
        upload(ADMIN, new byte[] {(byte) 0xff, (byte) 0xfe, 0x41}, "")
                .statusCode(400)
                .body("detail", containsString("UTF-8"));
        upload(ADMIN, "manufacturer: A\nmodel: B\n".getBytes(StandardCharsets.UTF_8), "?category=toaster")
                .statusCode(400);
        upload(VIEWER, "manufacturer: A\nmodel: B\n".getBytes(StandardCharsets.UTF_8), "")
                .statusCode(403);
        upload(EDITOR, ("manufacturer: " + Api.unique("Editor") + "\nmodel: B\n").getBytes(StandardCharsets.UTF_8), "")
                .statusCode(200)
                .body("created", equalTo(1));
    }
}
