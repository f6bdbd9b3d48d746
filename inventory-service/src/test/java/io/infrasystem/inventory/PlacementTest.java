package io.infrasystem.inventory;

import static io.infrasystem.inventory.Api.EDITOR;
import static io.infrasystem.inventory.Api.VIEWER;
import static io.infrasystem.inventory.Api.as;
import static io.infrasystem.inventory.Api.editorWrites;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrasystem.commons.testing.KafkaTestConsumer;
import io.infrasystem.commons.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.MariaDb.class)
class PlacementTest {

    /** The broker the application under test publishes to (the test run's own, from stack test). */
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper mapper;

    private static String place(long rack, String position, String face) {
        return "{\"rack_id\":" + rack + ",\"position\":" + position + ",\"face\":"
                + (face == null ? "null" : "\"" + face + "\"") + "}";
    }

    /** The editor places {@code asset} at {@code position} (a JSON number or {@code null}) of a face of {@code rack}. */
    private static ValidatableResponse placeAt(long asset, long rack, String position, String face) {
        return editorWrites("POST", "/api/inventory/assets/" + asset + "/placement", place(rack, position, face));
    }

    @Test
    void overlappingOnAFaceIsConflictNamingTheBlockingAssetAndUnits() {
        long rack = Api.rack(Api.site(), 42);
        long maker = Api.manufacturer();
        long twoU = Api.model(maker, "2", false);
        long blocker = Api.asset(twoU, "");
        long mover = Api.asset(twoU, "");
        placeAt(blocker, rack, "10", "front").statusCode(200);
        placeAt(mover, rack, "11", "front")
                .statusCode(409)
                .body("detail", containsString("asset " + blocker))
                .body("detail", containsString("U10-U11 (front)"))
                .body("errors[0].message", containsString("U11-U12 (front)"));
        // half depth: the rear of the same units is free
        placeAt(mover, rack, "11", "rear")
                .statusCode(200)
                .body("position", equalTo(11.0f))
                .body("face", equalTo("rear"));
    }

    @Test
    void fullDepthAssetBlocksBothFaces() {
        long rack = Api.rack(Api.site(), 42);
        long maker = Api.manufacturer();
        long full = Api.asset(Api.model(maker, "1", true), "");
        long shallow = Api.asset(Api.model(maker, "1", false), "");
        placeAt(full, rack, "20", "front").statusCode(200);
        placeAt(shallow, rack, "20", "rear").statusCode(409).body("detail", containsString("both faces"));
    }

    @Test
    void positionsMustFitTheRackComeInHalfUnitsAndNeedAFace() {
        long rack = Api.rack(Api.site(), 42);
        long maker = Api.manufacturer();
        long twoU = Api.asset(Api.model(maker, "2", true), "");
        long zeroU = Api.asset(Api.model(maker, "0", false), "");
        placeAt(twoU, rack, "42", "front")
                .statusCode(400)
                .body("errors[0].field", equalTo("position"))
                .body("errors[0].message", containsString("units 1-42"));
        placeAt(twoU, rack, "0", "front").statusCode(400);
        placeAt(twoU, rack, "3.25", "front").statusCode(400).body("errors[0].message", containsString("0.5"));
        placeAt(twoU, rack, "3", null).statusCode(400).body("errors.field", hasItem("face"));
        placeAt(twoU, rack, "41", "front").statusCode(200);
        placeAt(zeroU, rack, "10.5", "rear").statusCode(400).body("errors[0].message", containsString("0U"));
        placeAt(zeroU, rack, "null", null)
                .statusCode(200)
                .body("rack_id", equalTo((int) rack))
                .body("position", nullValue());
    }

    @Test
    void halfUnitAssetsShareAUnit() {
        long rack = Api.rack(Api.site(), 42);
        long half = Api.model(Api.manufacturer(), "0.5", false);
        long lower = Api.asset(half, "");
        long upper = Api.asset(half, "");
        placeAt(lower, rack, "7", "front").statusCode(200);
        placeAt(upper, rack, "7.5", "front").statusCode(200);
        JsonPath unit7 = as(VIEWER)
                .get("/api/inventory/racks/" + rack + "/elevation?face=front")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(unit7.getList("units.find { it.unit == 7 }.occupants.asset_id"))
                .containsExactly((int) lower, (int) upper);
    }

    @Test
    void elevationListsUnitsFromTheTopWithFullDepthAssetsOnBothFacesAndZeroUApart() {
        long site = Api.site();
        long rack = Api.post(
                "/api/inventory/racks",
                "{\"site_id\":" + site + ",\"name\":\"" + Api.unique("R")
                        + "\",\"status\":\"active\",\"u_height\":10,\"starting_unit\":1}");
        long descRack = Api.post(
                "/api/inventory/racks",
                "{\"site_id\":" + site + ",\"name\":\"" + Api.unique("R")
                        + "\",\"status\":\"active\",\"u_height\":4,\"desc_units\":true}");
        long maker = Api.manufacturer();
        long server =
                Api.asset(Api.model(maker, "2", true), "\"rack_id\":" + rack + ",\"position\":3,\"face\":\"front\"");
        long pdu = Api.asset(Api.model(maker, "0", false), "\"rack_id\":" + rack);
        JsonPath rear = as(VIEWER)
                .get("/api/inventory/racks/" + rack + "/elevation?face=rear")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(rear.getList("units.unit")).containsExactly(10, 9, 8, 7, 6, 5, 4, 3, 2, 1);
        assertThat(rear.getList("units[6].occupants.asset_id")).containsExactly((int) server);
        assertThat(rear.getList("units[7].occupants.asset_id")).containsExactly((int) server);
        assertThat(rear.getList("units[5].occupants")).isEmpty();
        assertThat(rear.getList("zero_u.asset_id")).containsExactly((int) pdu);
        assertThat(as(VIEWER)
                        .get("/api/inventory/racks/" + descRack + "/elevation")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("units.unit"))
                .containsExactly(1, 2, 3, 4);
        as(VIEWER)
                .get("/api/inventory/racks/" + rack + "/elevation?face=top")
                .then()
                .statusCode(400);
        as(VIEWER).get("/api/inventory/racks/999999/elevation").then().statusCode(404);
    }

    @Test
    void theElevationAndTheAssetCarryTheModelsColourWhichIsSixHexDigits() {
        long rack = Api.rack(Api.site(), 42);
        long maker = Api.manufacturer();
        String model = "{\"manufacturer_id\":" + maker + ",\"device_type_id\":" + Api.deviceType("server")
                + ",\"name\":\"" + Api.unique("M") + "\",\"u_height\":1,\"colour\":";
        editorWrites("POST", "/api/inventory/models", model + "\"#1f77b4\"}")
                .statusCode(400)
                .body("errors.field", hasItem("colour"));
        long coloured = Api.post("/api/inventory/models", model + "\"1F77B4\"}");
        as(VIEWER)
                .get("/api/inventory/models/" + coloured)
                .then()
                .statusCode(200)
                .body("colour", equalTo("1f77b4"));
        long plain = Api.model(maker, "1", false);
        long server = Api.asset(coloured, "\"rack_id\":" + rack + ",\"position\":5,\"face\":\"front\"");
        long other = Api.asset(plain, "\"rack_id\":" + rack + ",\"position\":6,\"face\":\"front\"");
        JsonPath front = as(VIEWER)
                .get("/api/inventory/racks/" + rack + "/elevation?face=front")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(front.getString("units.find { it.unit == 5 }.occupants[0].model_colour"))
                .isEqualTo("1f77b4");
        assertThat(front.getString("units.find { it.unit == 6 }.occupants[0].model_colour"))
                .isNull();
        as(VIEWER).get("/api/inventory/assets/" + server).then().body("model_colour", equalTo("1f77b4"));
        as(VIEWER).get("/api/inventory/assets/" + other).then().body("model_colour", nullValue());
    }

    @Test
    void bulkMoveSwapsAssetsInOneTransactionOrChangesNothing() {
        long site = Api.site();
        long rack = Api.rack(site, 42);
        long other = Api.rack(site, 42);
        long model = Api.model(Api.manufacturer(), "1", true);
        long a = Api.asset(model, "\"rack_id\":" + rack + ",\"position\":1,\"face\":\"front\"");
        long b = Api.asset(model, "\"rack_id\":" + rack + ",\"position\":2,\"face\":\"front\"");
        long c = Api.asset(model, "\"rack_id\":" + rack + ",\"position\":3,\"face\":\"front\"");
        as(EDITOR)
                .body("{\"moves\":[{\"asset_id\":" + a + ",\"rack_id\":" + rack + ",\"position\":2,\"face\":\"front\"},"
                        + "{\"asset_id\":" + b + ",\"rack_id\":" + rack + ",\"position\":1,\"face\":\"front\"}]}")
                .post("/api/inventory/assets/placements")
                .then()
                .statusCode(200)
                .body("position", org.hamcrest.Matchers.contains(2.0f, 1.0f));
        // the second move collides with c: neither move happens
        as(EDITOR)
                .body("{\"moves\":[{\"asset_id\":" + a + ",\"rack_id\":" + other
                        + ",\"position\":5,\"face\":\"front\"}," + "{\"asset_id\":" + b + ",\"rack_id\":" + rack
                        + ",\"position\":3,\"face\":\"rear\"}]}")
                .post("/api/inventory/assets/placements")
                .then()
                .statusCode(409)
                .body("errors[0].message", containsString("asset " + c));
        as(VIEWER)
                .get("/api/inventory/assets/" + a)
                .then()
                .body("rack_id", equalTo((int) rack))
                .body("position", equalTo(2.0f));
        // two moves into the same units collide with each other
        as(EDITOR)
                .body("{\"moves\":[{\"asset_id\":" + a + ",\"rack_id\":" + other
                        + ",\"position\":5,\"face\":\"front\"}," + "{\"asset_id\":" + b + ",\"rack_id\":" + other
                        + ",\"position\":5,\"face\":\"rear\"}]}")
                .post("/api/inventory/assets/placements")
                .then()
                .statusCode(409);
        as(EDITOR)
                .body("{\"moves\":[{\"asset_id\":" + a + ",\"rack_id\":" + other
                        + ",\"position\":5,\"face\":\"front\",\"version\":0}]}")
                .post("/api/inventory/assets/placements")
                .then()
                .statusCode(412);
        editorWrites("POST", "/api/inventory/assets/placements", "{\"moves\":[]}")
                .statusCode(400);
    }

    @Test
    void databaseRefusesAnOverlapWrittenBehindTheServicesBack() throws SQLException {
        long rack = Api.rack(Api.site(), 42);
        long model = Api.model(Api.manufacturer(), "2", true);
        long a = Api.asset(model, "\"rack_id\":" + rack + ",\"position\":10,\"face\":\"front\"");
        long b = Api.asset(model, "");
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate(
                            "update asset set rack_id = " + rack + ", site_id = (select site_id from rack where id = "
                                    + rack + "), position = 11, face = 'rear' where id = " + b))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("Duplicate");
            assertThatThrownBy(() -> s.executeUpdate(
                            "update asset set rack_id = " + rack + ", site_id = (select site_id from rack where id = "
                                    + rack + "), position = 42, face = 'rear' where id = " + b))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("does not fit");
            assertThatThrownBy(() -> s.executeUpdate("update asset set position = 10.25 where id = " + a))
                    .isInstanceOf(SQLException.class);
        }
        as(VIEWER).get("/api/inventory/assets/" + b).then().body("rack_id", nullValue());
    }

    @Test
    void moveIsPublishedWithOldAndNewPlacement() throws Exception {
        long site = Api.site();
        long from = Api.rack(site, 42);
        long to = Api.rack(site, 42);
        String host = Api.unique("moving");
        long id = Api.post(
                "/api/inventory/assets",
                "{\"model_id\":" + Api.model(Api.manufacturer(), "1", true) + ",\"status\":\"active\",\"hostname\":\""
                        + host + "\",\"rack_id\":" + from + ",\"position\":4,\"face\":\"front\"}");
        as(EDITOR)
                .header("If-Match", "\"0\"")
                .body(place(to, "8", "rear"))
                .post("/api/inventory/assets/" + id + "/placement")
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"");
        try (KafkaTestConsumer consumer = new KafkaTestConsumer(bootstrapServers, "inventory.events")) {
            List<ConsumerRecord<String, String>> events = consumer.await(
                    1,
                    Duration.ofSeconds(20),
                    r -> header(r, "ce_type").equals("inventory.asset.moved")
                            && r.value().contains(host));
            assertThat(events).hasSize(1);
            assertThat(events.get(0).key()).isEqualTo(Long.toString(id));
            JsonNode data = mapper.readTree(events.get(0).value());
            assertThat(data.at("/entity/rack_id").asLong()).isEqualTo(to);
            assertThat(change(data, "rack_id").get("old").asLong()).isEqualTo(from);
            assertThat(change(data, "rack_id").get("new").asLong()).isEqualTo(to);
            assertThat(change(data, "position").get("old").decimalValue()).isEqualByComparingTo("4");
            assertThat(change(data, "position").get("new").decimalValue()).isEqualByComparingTo("8");
            assertThat(change(data, "face").get("new").asText()).isEqualTo("rear");
            assertThat(data.at("/actor/name").asText()).isEqualTo("eddie");
        }
    }

    private static JsonNode change(JsonNode data, String field) {
        for (JsonNode change : data.get("changes")) {
            if (change.get("field").asText().equals(field)) {
                return change;
            }
        }
        throw new AssertionError("no change of " + field + " in " + data);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
