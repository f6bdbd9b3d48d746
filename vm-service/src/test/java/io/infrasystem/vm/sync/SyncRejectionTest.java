package io.infrasystem.vm.sync;

import static io.infrasystem.vm.sync.SyncTest.N8N;
import static io.infrasystem.vm.sync.SyncTest.fixture;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.infrasystem.commons.security.Scopes;
import io.infrasystem.commons.testing.TestDatabase;
import io.infrasystem.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.Postgres.class)
class SyncRejectionTest {

    @Inject
    DataSource dataSource;

    private String before;

    String footprint() {
        try (Connection c = dataSource.getConnection();
                ResultSet r = c.createStatement().executeQuery("""
                    select (select count(*) from vm) || '/' || (select count(*) from vm_fact) || '/'
                        || (select count(*) from vm_sync_run) || '/' || (select count(*) from vm_change_history) || '/'
                        || (select count(*) from outbox_event) || '/' || (select count(*) from audit_log) || '/'
                        || (select count(*) from networks)\
                    """)) {
            r.next();
            return r.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void remember() {
        before = footprint();
    }

    @AfterEach
    void nothingWasWritten() {
        assertThat(footprint()).isEqualTo(before);
    }

    static ValidatableResponse post(String path, String body) {
        return given().header("Authorization", N8N)
                .contentType(ContentType.JSON)
                .body(body)
                .post(path)
                .then()
                .contentType("application/problem+json");
    }

    /** Posts {@code body} to {@code path} and checks the 400 names {@code field}. */
    static void refused(String path, String body, String field) {
        post(path, body).statusCode(400).body("errors.field", hasItem(field));
    }

    @Test
    void malformedJsonIs400() {
        post("/api/vm/sync/nutanix?source=pc", "{\"entities\": [")
                .statusCode(400)
                .body("type", equalTo("https://infra-system.io/problems/malformed-json"));
    }

    @Test
    void emptyBodyIs400() {
        post("/api/vm/sync/nutanix?source=pc", "").statusCode(400);
    }

    @Test
    void unknownShapeIs400() {
        post("/api/vm/sync/vmware?source=vc", SyncTest.raw("vmware/api_vcenter_vm_list.json"))
                .statusCode(400);
        post("/api/vm/sync/vmware?source=vc", "{\"hello\": \"world\"}").statusCode(400);
    }

    @Test
    void platformMismatchIs400() {
        refused("/api/vm/sync/vmware?source=vc", fixture(SyncTest.OWN).toString(), "platform");
    }

    @Test
    void unknownPlatformAndMissingSourceAndBadModeAre400() {
        refused("/api/vm/sync/xen?source=x", fixture(SyncTest.OWN).toString(), "platform");
        refused("/api/vm/sync/nutanix", fixture(SyncTest.OWN).toString(), "source");
        refused(
                "/api/vm/sync/nutanix?source=pc&mode=sometimes",
                fixture(SyncTest.OWN).toString(),
                "mode");
    }

    @Test
    void aValidVmBesideOneWithoutUuidIsNotWritten() {
        var root = fixture(SyncTest.OWN);
        ((com.fasterxml.jackson.databind.node.ObjectNode)
                        root.get("entities").get(2).get("metadata"))
                .remove("uuid");
        refused("/api/vm/sync/nutanix?source=pc", root.toString(), "vms[2].vm_uuid");
    }

    @Test
    void negativeSizesAre400() {
        var root = fixture(SyncTest.OWN);
        ((com.fasterxml.jackson.databind.node.ObjectNode)
                        root.get("entities").get(0).get("status").get("resources"))
                .put("memory_size_mib", -4096);
        refused("/api/vm/sync/nutanix?source=pc", root.toString(), "entities[0].status.resources.memory_size_mib");
    }

    @Test
    void duplicateUuidsInOnePayloadAre400() {
        var root = fixture(SyncTest.OWN);
        ((com.fasterxml.jackson.databind.node.ArrayNode) root.get("entities"))
                .add(root.get("entities").get(0).deepCopy());
        refused("/api/vm/sync/nutanix?source=pc", root.toString(), "vms[3].vm_uuid");
    }

    @Test
    void bodyOverTheCapIs413() {
        StringBuilder big = new StringBuilder("{\"format\": \"infra-vm/v1\", \"vms\": [], \"pad\": \"");
        big.append("x".repeat(3 * 1024 * 1024)).append("\"}");
        post("/api/vm/sync/other?source=pc", big.toString()).statusCode(413);
    }

    @Test
    void withoutTokenIs401AndWithoutSyncScopeIs403() {
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/vm/sync/nutanix?source=pc")
                .then()
                .statusCode(401);
        given().header("Authorization", TestTokens.user("val", Scopes.groupsForRoles(Set.of(Scopes.VIEWER))))
                .contentType(ContentType.JSON)
                .body(fixture(SyncTest.OWN).toString())
                .post("/api/vm/sync/nutanix?source=pc")
                .then()
                .statusCode(403);
    }
}
