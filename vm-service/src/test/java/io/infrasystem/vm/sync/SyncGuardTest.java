package io.infrasystem.vm.sync;

import static io.infrasystem.vm.sync.SyncTest.N8N;
import static io.infrasystem.vm.sync.SyncTest.OWN;
import static io.infrasystem.vm.sync.SyncTest.fixture;
import static io.infrasystem.vm.sync.SyncTest.openRun;
import static io.infrasystem.vm.sync.SyncTest.post;
import static io.infrasystem.vm.sync.SyncTest.syncOwn;
import static io.infrasystem.vm.sync.SyncTest.v3Without;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.commons.testing.TestDatabase;
import io.infrasystem.commons.testing.TestTokens;
import io.infrasystem.vm.Sql;
import io.infrasystem.vm.facts.Platform;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Point 4 of docs/security.md: a sync run is written by its opener only; mass deletions need confirming. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.Postgres.class)
class SyncGuardTest {

    static final String INTRUDER = TestTokens.apiKey("intruder", Scopes.VM_SYNC, Scopes.VM_READ);
    /** A person named like the n8n key: still another principal. */
    static final String NAMESAKE = TestTokens.user("n8n", Scopes.groupsForRoles(Set.of(Scopes.EDITOR)));

    static final String ADMIN = TestTokens.user("ada", Scopes.groupsForRoles(Set.of(Scopes.ADMIN)));

    @Inject
    DataSource dataSource;

    long scalar(String sql, Object... args) {
        return Sql.scalar(dataSource, sql, args);
    }

    /** Counts of everything a sync writes. */
    String footprint() {
        return scalar("select count(*) from vm where is_deleted") + "/"
                + scalar("select count(*) from vm_change_history")
                + "/" + scalar("select count(*) from outbox_event") + "/" + scalar("select count(*) from audit_log")
                + "/" + scalar("select count(*) from vm_sync_run");
    }

    static ValidatableResponse as(String token, String path, String body) {
        return given().header("Authorization", token)
                .contentType(ContentType.JSON)
                .body(body)
                .post(path)
                .then();
    }

    static ValidatableResponse chunk(String token, int run, Object body) {
        return as(token, "/api/vm/sync/nutanix?run_id=" + run, body.toString());
    }

    static ObjectNode empty() {
        ObjectNode root = fixture(OWN);
        ((ArrayNode) root.get("entities")).removeAll();
        return root;
    }

    @Test
    void chunksFinishAndFailFromAnotherPrincipalAre403AndWriteNothing() {
        syncOwn("pc-owned").statusCode(200);
        int run = openRun("nutanix", "pc-owned").extract().path("id");
        String before = footprint();

        for (String other : new String[] {INTRUDER, NAMESAKE}) {
            chunk(other, run, v3Without(SyncTest.OLD))
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("detail", containsString("another principal"));
            as(other, "/api/vm/sync-runs/" + run + "/finish", "{}").statusCode(403);
            as(other, "/api/vm/sync-runs/" + run + "/fail", "{\"error\": \"hijacked\"}")
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        assertThat(footprint()).isEqualTo(before);
        given().header("Authorization", N8N)
                .get("/api/vm/sync-runs/" + run)
                .then()
                .body("status", equalTo("open"))
                .body("chunk_count", equalTo(0));

        // the opener goes on; an admin may finish any run
        chunk(N8N, run, v3Without(SyncTest.OLD)).statusCode(200).body("chunk_count", equalTo(1));
        as(ADMIN, "/api/vm/sync-runs/" + run + "/finish", "{}")
                .statusCode(200)
                .body("status", equalTo("completed"))
                .body("deleted_count", equalTo(1));
    }

    @Test
    void aRunTheSuiteTriggeredBelongsToItsFirstWriter() {
        syncOwn("pc-triggered").statusCode(200);
        SyncRun run = Arc.container()
                .instance(SyncService.class)
                .get()
                .open(Platform.NUTANIX, "pc-triggered", SyncRunStatus.PENDING, "ada", null);
        int id = (int) run.id();
        chunk(N8N, id, fixture(OWN)).statusCode(200);
        chunk(INTRUDER, id, fixture(OWN)).statusCode(403);
        as(INTRUDER, "/api/vm/sync-runs/" + id + "/finish", "{}").statusCode(403);
        as(N8N, "/api/vm/sync-runs/" + id + "/finish", "{}").statusCode(200).body("deleted_count", equalTo(0));
    }

    @Test
    void aKeyLimitedToSourcesSyncsNoOtherSource() {
        String limited = TestTokens.apiKey("n8n-pc1", Scopes.VM_SYNC, Scopes.VM_SYNC_SOURCE_PREFIX + "pc-limited");
        syncOwn("pc-foreign").statusCode(200);
        String before = footprint();

        as(limited, "/api/vm/sync/nutanix?source=pc-foreign", empty().toString())
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("[pc-limited]"));
        as(limited, "/api/vm/sync-runs", "{\"platform\": \"nutanix\", \"source\": \"pc-foreign\"}")
                .statusCode(403);
        int foreignRun = openRun("nutanix", "pc-foreign").extract().path("id");
        String opened = footprint();
        chunk(limited, foreignRun, fixture(OWN)).statusCode(403);
        as(limited, "/api/vm/sync-runs/" + foreignRun + "/finish", "{}").statusCode(403);
        assertThat(footprint()).isEqualTo(opened);
        assertThat(before).isNotEqualTo(opened); // the run opened by the unlimited key

        as(limited, "/api/vm/sync/nutanix?source=pc-limited", fixture(OWN).toString())
                .statusCode(200)
                .body("created_count", equalTo(3));
        int run = as(limited, "/api/vm/sync-runs", "{\"platform\": \"nutanix\", \"source\": \"pc-limited\"}")
                .statusCode(201)
                .extract()
                .path("id");
        chunk(limited, run, fixture(OWN)).statusCode(200);
        as(limited, "/api/vm/sync-runs/" + run + "/finish", "{}").statusCode(200);
    }

    @Test
    void aFullSyncDeletingMostOfASourceIs409NamingTheCountUntilConfirmed() {
        syncOwn("pc-emptied").statusCode(200);
        syncOwn("pc-other").statusCode(200);
        String before = footprint();

        post("nutanix", "?source=pc-emptied", empty())
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("3 of the 3 live VMs of source pc-emptied"))
                .body("detail", containsString("confirm_deletions=true"));
        ObjectNode one = fixture(OWN);
        ((ArrayNode) one.get("entities")).remove(2);
        ((ArrayNode) one.get("entities")).remove(1);
        post("nutanix", "?source=pc-emptied", one).statusCode(409).body("detail", containsString("2 of the 3"));
        post("nutanix", "?source=pc-emptied&confirm_deletions=yes", empty())
                .statusCode(400)
                .body("errors[0].field", equalTo("confirm_deletions"));
        assertThat(footprint()).isEqualTo(before);
        assertThat(scalar("select count(*) from vm where source = 'pc-emptied' and not is_deleted"))
                .isEqualTo(3);

        // one of three (33 %) is under the default share of 50 %
        post("nutanix", "?source=pc-other", v3Without(SyncTest.OLD))
                .statusCode(200)
                .body("deleted_count", equalTo(1));
        post("nutanix", "?source=pc-emptied&confirm_deletions=true", empty())
                .statusCode(200)
                .body("deleted_count", equalTo(3));
    }

    @Test
    void finishingARunThatSawMostVmsVanishIs409AndTheRunStaysOpenUntilConfirmed() {
        syncOwn("pc-vanished").statusCode(200);
        int run = openRun("nutanix", "pc-vanished").extract().path("id");
        String before = footprint();
        as(N8N, "/api/vm/sync-runs/" + run + "/finish", "{}")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("3 of the 3 live VMs"));
        assertThat(footprint()).isEqualTo(before);
        given().header("Authorization", N8N)
                .get("/api/vm/sync-runs/" + run)
                .then()
                .body("status", equalTo("open"));
        as(N8N, "/api/vm/sync-runs/" + run + "/finish?confirm_deletions=true", "{}")
                .statusCode(200)
                .body("deleted_count", equalTo(3));
    }
}
