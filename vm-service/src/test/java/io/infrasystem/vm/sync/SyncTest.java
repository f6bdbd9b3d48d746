package io.infrasystem.vm.sync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.commons.testing.TestDatabase;
import io.infrasystem.commons.testing.TestTokens;
import io.infrasystem.vm.Sql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.Postgres.class)
class SyncTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String N8N = TestTokens.apiKey("n8n", Scopes.VM_SYNC, Scopes.VM_READ);

    @Inject
    DataSource dataSource;

    static ObjectNode fixture(String path) {
        try (InputStream in = SyncTest.class.getResourceAsStream("/fixtures/" + path)) {
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String raw(String path) {
        try (InputStream in = SyncTest.class.getResourceAsStream("/fixtures/" + path)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ValidatableResponse post(String platform, String query, Object body) {
        return given().header("Authorization", N8N)
                .contentType(ContentType.JSON)
                .body(body instanceof String s ? s : body.toString())
                .post("/api/vm/sync/" + platform + query)
                .then();
    }

    long scalar(String sql, Object... args) {
        return Sql.scalar(dataSource, sql, args);
    }

    List<String> strings(String sql, Object... args) {
        return Sql.strings(dataSource, sql, args);
    }

    void execute(String sql, Object... args) {
        Sql.execute(dataSource, sql, args);
    }

    long vmId(String source, String uuid) {
        return scalar("select id from vm where source = ? and vm_uuid = ?", source, uuid);
    }

    long events(String type, long vmId) {
        return scalar(
                "select count(*) from outbox_event where event_type = ? and subject = ?", type, String.valueOf(vmId));
    }

    /** xmin of every row of the sync tables: any UPDATE or DELETE + INSERT changes it. */
    String rowVersions(String source) {
        return String.join(",", strings("""
                select string_agg(x, ',') from (
                  select v.id || ':' || v.xmin::text || ':' || f.xmin::text as x from vm v join vm_fact f on f.vm_id = v.id
                  where v.source = ?
                  union all select n.id || ':' || n.xmin::text from vm_nic_fact n join vm v on v.id = n.vm_id where v.source = ?
                  union all select d.id || ':' || d.xmin::text from vm_disk_fact d join vm v on v.id = d.vm_id where v.source = ?
                  union all select i.nic_id || i.ip_address || ':' || i.xmin::text from vm_nic_ip_fact i
                    join vm_nic_fact n on n.id = i.nic_id join vm v on v.id = n.vm_id where v.source = ?
                  order by 1) t""", source, source, source, source));
    }

    static final String WEB = "a1b2c3d4-1111-4aaa-8bbb-000000000001";
    static final String DB = "a1b2c3d4-2222-4aaa-8bbb-000000000002";
    static final String OLD = "a1b2c3d4-3333-4aaa-8bbb-000000000003";
    static final String OWN = "nutanix/v3_vms_list_own.json";

    static ObjectNode v3Without(String uuid) {
        ObjectNode root = fixture(OWN);
        ArrayNode entities = (ArrayNode) root.get("entities");
        for (int i = entities.size() - 1; i >= 0; i--) {
            if (entities.get(i).path("metadata").path("uuid").asText().equals(uuid)) {
                entities.remove(i);
            }
        }
        return root;
    }

    /** Posts the Nutanix v3 fixture of three VMs as a full sync of {@code source}. */
    static ValidatableResponse syncOwn(String source) {
        return post("nutanix", "?source=" + source, fixture(OWN));
    }

    /** @return the response to opening a chunked run, its 201 checked */
    static ValidatableResponse openRun(String platform, String source) {
        return given().header("Authorization", N8N)
                .contentType(ContentType.JSON)
                .body("{\"platform\": \"" + platform + "\", \"source\": \"" + source + "\"}")
                .post("/api/vm/sync-runs")
                .then()
                .statusCode(201);
    }

    static ValidatableResponse finish(int run) {
        return given().header("Authorization", N8N)
                .post("/api/vm/sync-runs/" + run + "/finish")
                .then();
    }

    List<String> syncedIps(long vmId) {
        return strings(
                "select i.ip_address from vm_nic_ip_fact i join vm_nic_fact n on n.id = i.nic_id where n.vm_id = ?",
                vmId);
    }

    List<String> updatedFields(long vmId) {
        return strings("select field_name from vm_change_history where vm_id = ? and change_type = 'updated'", vmId);
    }

    /** The VM a resync changed and the answer to that resync. */
    record Resync(long vmId, ValidatableResponse response) {}

    /**
     * Syncs the v3 fixture into {@code source}, then again with {@code change} applied to the v3
     * entity of VM {@code uuid}; checks that the second sync updated one VM.
     */
    Resync resyncChanged(String source, String uuid, Consumer<ObjectNode> change) {
        syncOwn(source).statusCode(200);
        long id = vmId(source, uuid);
        ObjectNode changed = fixture(OWN);
        change.accept(v3Entity(changed, uuid));
        return new Resync(
                id,
                post("nutanix", "?source=" + source, changed).statusCode(200).body("updated_count", equalTo(1)));
    }

    /** @return {@code status.resources} of a v3 entity */
    static ObjectNode resources(ObjectNode entity) {
        return (ObjectNode) entity.get("status").get("resources");
    }

    static ObjectNode v3Entity(ObjectNode root, String uuid) {
        for (JsonNode e : root.get("entities")) {
            if (e.path("metadata").path("uuid").asText().equals(uuid)) {
                return (ObjectNode) e;
            }
        }
        throw new IllegalArgumentException(uuid);
    }

    @Test
    void firstSyncCreatesVmsWithFactsHistoryAndOneEventEach() {
        syncOwn("pc-first")
                .statusCode(200)
                .body("status", equalTo("completed"))
                .body("vm_count_seen", equalTo(3))
                .body("created_count", equalTo(3))
                .body("source", equalTo("pc-first"));
        long web = vmId("pc-first", WEB);
        assertThat(scalar("select memory_mb from vm_fact where vm_id = ?", web)).isEqualTo(8192);
        assertThat(scalar("select total_disks from vm_fact where vm_id = ?", web))
                .isEqualTo(2);
        assertThat(syncedIps(web)).containsExactly("10.20.120.11");
        assertThat(events("vm.vm.created", web)).isEqualTo(1);
        assertThat(strings("select change_type from vm_change_history where vm_id = ?", web))
                .containsExactly("created");
        assertThat(scalar("select count(*) from networks where network_id = '6a0d3f0e-1d2c-4b5a-9e8f-7a6b5c4d3e2f'"))
                .isEqualTo(1);
        assertThat(scalar("select count(*) from hosts where host_id = '10.46.136.28'"))
                .isEqualTo(1);
    }

    @Test
    void identicalResyncWritesNoFactsNoHistoryAndNoEvents() {
        syncOwn("pc-same").statusCode(200);
        String rows = rowVersions("pc-same");
        long history = scalar("select count(*) from vm_change_history");
        long outbox = scalar("select count(*) from outbox_event");
        syncOwn("pc-same")
                .statusCode(200)
                .body("unchanged_count", equalTo(3))
                .body("updated_count", equalTo(0))
                .body("created_count", equalTo(0));
        assertThat(rowVersions("pc-same")).isEqualTo(rows);
        assertThat(scalar("select count(*) from vm_change_history")).isEqualTo(history);
        assertThat(scalar("select count(*) from outbox_event")).isEqualTo(outbox);
    }

    @Test
    void fullSyncOrphansOnlyVmsOfItsOwnSourceAndRestoresThemWhenTheyReturn() {
        syncOwn("pc-a").statusCode(200);
        syncOwn("pc-b").statusCode(200);
        post("nutanix", "?source=pc-a", v3Without(OLD)).statusCode(200).body("deleted_count", equalTo(1));

        long gone = vmId("pc-a", OLD);
        assertThat(scalar("select count(*) from vm where id = ? and is_deleted and deleted_by = 'sync'", gone))
                .isEqualTo(1);
        assertThat(scalar("select count(*) from vm where source = 'pc-b' and is_deleted"))
                .isZero();
        assertThat(events("vm.vm.deleted", gone)).isEqualTo(1);

        syncOwn("pc-a").statusCode(200).body("restored_count", equalTo(1)).body("unchanged_count", equalTo(2));
        assertThat(scalar("select count(*) from vm where id = ? and not is_deleted and deleted_at is null", gone))
                .isEqualTo(1);
        assertThat(events("vm.vm.restored", gone)).isEqualTo(1);
        assertThat(strings("select change_type from vm_change_history where vm_id = ? order by id", gone))
                .containsExactly("created", "deleted", "restored");
    }

    @Test
    void partialSyncDeletesNothing() {
        syncOwn("pc-partial").statusCode(200);
        post("nutanix", "?source=pc-partial&mode=partial", v3Without(OLD))
                .statusCode(200)
                .body("deleted_count", equalTo(0));
        assertThat(scalar("select count(*) from vm where source = 'pc-partial' and is_deleted"))
                .isZero();
    }

    @Test
    void prismWebhookEventUpdatesOneVmWithoutOrphaningTheRest() {
        syncOwn("pc-hook").statusCode(200);
        post("nutanix", "?source=pc-hook", fixture("nutanix/v3_webhook_vm_event_payload_prism.json"))
                .statusCode(200)
                .body("mode", equalTo("partial"))
                .body("created_count", equalTo(1))
                .body("deleted_count", equalTo(0));
    }

    @Test
    void renamedVmStaysTheSameVmWithItsNameChangeRecorded() {
        Resync resync = resyncChanged(
                "pc-rename", WEB, vm -> ((ObjectNode) vm.get("status")).put("name", "app-web-01-renamed"));
        resync.response().body("created_count", equalTo(0)).body("unchanged_count", equalTo(2));
        long id = resync.vmId();
        assertThat(vmId("pc-rename", WEB)).isEqualTo(id);
        assertThat(strings("select vm_name from vm where id = ?", id)).containsExactly("app-web-01-renamed");
        assertThat(strings(
                        "select field_name || '=' || old_value || '>' || new_value from vm_change_history "
                                + "where vm_id = ? and change_type = 'updated'",
                        id))
                .containsExactly("vm_name=app-web-01>app-web-01-renamed");
        assertThat(events("vm.vm.updated", id)).isEqualTo(1);
        assertThat(strings(
                        "select payload from outbox_event where event_type = 'vm.vm.updated' and subject = ?",
                        String.valueOf(id)))
                .singleElement()
                .asString()
                .contains("\"changes\"")
                .contains("app-web-01-renamed");
    }

    @Test
    void newUuidWithTheSameBiosUuidIsTheSameVm() throws IOException {
        String body = """
                {"format": "infra-vm/v1", "vms": [{"vm_uuid": "%s", "bios_uuid": "bios-77", "name": "legacy-01",
                 "power_state": "on", "memory_mb": 1024}]}""";
        post("other", "?source=lab", MAPPER.readTree(body.formatted("u-1")))
                .statusCode(200)
                .body("created_count", equalTo(1));
        long id = vmId("lab", "u-1");
        post("other", "?source=lab", MAPPER.readTree(body.formatted("u-2")))
                .statusCode(200)
                .body("created_count", equalTo(0))
                .body("updated_count", equalTo(1))
                .body("deleted_count", equalTo(0));
        assertThat(vmId("lab", "u-2")).isEqualTo(id);
        assertThat(updatedFields(id)).containsExactly("vm_uuid");
    }

    @Test
    void poweredOffVmWithoutIpsKeepsItsLastIps() {
        long id = resyncChanged("pc-power", WEB, vm -> {
                    resources(vm).put("power_state", "OFF");
                    ((ObjectNode) resources(vm).get("nic_list").get(0)).putArray("ip_endpoint_list");
                })
                .vmId();
        assertThat(syncedIps(id)).containsExactly("10.20.120.11");
        assertThat(updatedFields(id)).containsExactly("power_state");
    }

    @Test
    void changedDiskAndMemoryAreRecordedFieldByField() {
        long id = resyncChanged("pc-fields", DB, vm -> {
                    resources(vm).put("memory_size_mib", 65536);
                    ((ObjectNode) resources(vm).get("disk_list").get(1)).put("disk_size_bytes", 107374182400L);
                })
                .vmId();
        assertThat(strings(
                        "select field_name || '=' || old_value || '>' || new_value from vm_change_history "
                                + "where vm_id = ? and change_type = 'updated' order by field_name",
                        id))
                .containsExactly(
                        "disks[a1b2c3d4-disk-0]=SCSI.0, 50.00 GiB, 5f1b2c3d-0000-4000-8000-000000000001>"
                                + "SCSI.0, 100.00 GiB, 5f1b2c3d-0000-4000-8000-000000000001",
                        "memory_mb=32768>65536",
                        "total_disk_gb=50.00>100.00");
    }

    @Test
    void chunkedRunDeletesOnlyAtFinish() {
        syncOwn("pc-chunks").statusCode(200);
        int run = openRun("nutanix", "pc-chunks")
                .body("status", equalTo("open"))
                .extract()
                .path("id");
        ObjectNode first = v3Without(OLD);
        ((ArrayNode) first.get("entities")).remove(1);
        post("nutanix", "?run_id=" + run, first).statusCode(200).body("chunk_count", equalTo(1));
        ObjectNode second = v3Without(OLD);
        ((ArrayNode) second.get("entities")).remove(0);
        post("nutanix", "?run_id=" + run, second)
                .statusCode(200)
                .body("chunk_count", equalTo(2))
                .body("vm_count_seen", equalTo(2));
        assertThat(scalar("select count(*) from vm where source = 'pc-chunks' and is_deleted"))
                .isZero();

        finish(run).statusCode(200).body("status", equalTo("completed")).body("deleted_count", equalTo(1));
        assertThat(strings("select vm_uuid from vm where source = 'pc-chunks' and is_deleted"))
                .containsExactly(OLD);
        finish(run).statusCode(409);
    }

    @Test
    void vmsFirstReportedByTheChunksOfARunSurviveItsFinish() {
        int run = openRun("nutanix", "pc-new-chunks").extract().path("id");
        ObjectNode first = fixture(OWN);
        ((ArrayNode) first.get("entities")).remove(2);
        ((ArrayNode) first.get("entities")).remove(1);
        post("nutanix", "?run_id=" + run, first).statusCode(200).body("created_count", equalTo(1));
        ObjectNode second = fixture(OWN);
        ((ArrayNode) second.get("entities")).remove(0);
        // the run answers its totals so far
        post("nutanix", "?run_id=" + run, second).statusCode(200).body("created_count", equalTo(3));

        finish(run).statusCode(200).body("status", equalTo("completed")).body("deleted_count", equalTo(0));
        assertThat(scalar("select count(*) from vm where source = 'pc-new-chunks' and not is_deleted"))
                .isEqualTo(3);
        assertThat(scalar("select count(*) from vm_change_history h join vm v on v.id = h.vm_id "
                        + "where v.source = 'pc-new-chunks' and h.change_type = 'deleted'"))
                .isZero();
    }

    @Test
    void chunkedRunNeverFinishedDeletesNothingAndExpires() {
        syncOwn("pc-abandoned").statusCode(200);
        int run = openRun("nutanix", "pc-abandoned").extract().path("id");
        post("nutanix", "?run_id=" + run, v3Without(OLD)).statusCode(200);
        execute("update vm_sync_run set expires_at = now() - interval '1 minute' where id = ?", (long) run);
        post("nutanix", "?run_id=" + run, v3Without(OLD)).statusCode(409);

        given().header("Authorization", N8N)
                .get("/api/vm/sync-runs?status=expired")
                .then()
                .statusCode(200);
        int expired =
                io.quarkus.arc.Arc.container().instance(SyncService.class).get().expireRuns();
        assertThat(expired).isPositive();
        given().header("Authorization", N8N)
                .get("/api/vm/sync-runs/" + run)
                .then()
                .statusCode(200)
                .body("status", equalTo("expired"));
        assertThat(scalar("select count(*) from vm where source = 'pc-abandoned' and is_deleted"))
                .isZero();
        given().header("Authorization", N8N)
                .get("/api/vm/sync-runs?source=pc-abandoned")
                .then()
                .statusCode(200)
                .body("results.status", hasItem("expired"));
    }

    @Test
    void aChunkForARunOfAnotherPlatformIsRefused() {
        int run = openRun("vmware", "vc-1").extract().path("id");
        post("nutanix", "?run_id=" + run, fixture(OWN)).statusCode(409);
        post("nutanix", "?run_id=999999", fixture(OWN)).statusCode(404);
    }

    @Test
    void aRunOfASourceWithoutVmsFinishesWithoutAChunkAndCannotBeFailedAfterwards() {
        // what the n8n workflows send for a hypervisor listing no VM: open, no chunk, finish
        int run = openRun("nutanix", "pc-without-vms").extract().path("id");
        finish(run)
                .statusCode(200)
                .body("status", equalTo("completed"))
                .body("chunk_count", equalTo(0))
                .body("vm_count_seen", equalTo(0))
                .body("deleted_count", equalTo(0));
        given().header("Authorization", N8N)
                .contentType(ContentType.JSON)
                .body("{\"error\": \"too late\"}")
                .post("/api/vm/sync-runs/" + run + "/fail")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        given().header("Authorization", N8N)
                .get("/api/vm/sync-runs/" + run)
                .then()
                .statusCode(200)
                .body("status", equalTo("completed"))
                .body("error", nullValue());
        assertThat(scalar(
                        "select count(*) from outbox_event where event_type = 'vm.sync_run.failed' and subject = ?",
                        String.valueOf(run)))
                .isZero();
    }

    @Test
    void aFailedRunKeepsItsChunksDeletesNothingAndRecordsItsError() {
        post("nutanix", "?source=pc-failing", fixture("nutanix/v3_vms_list_own.json"))
                .statusCode(200);
        int run = given().header("Authorization", N8N)
                .contentType(ContentType.JSON)
                .body("{\"platform\": \"nutanix\", \"source\": \"pc-failing\"}")
                .post("/api/vm/sync-runs")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        post("nutanix", "?run_id=" + run, v3Without(OLD)).statusCode(200);

        given().header("Authorization", N8N)
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/vm/sync-runs/" + run + "/fail")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().header("Authorization", TestTokens.apiKey("reader", Scopes.VM_READ))
                .contentType(ContentType.JSON)
                .body("{\"error\": \"no\"}")
                .post("/api/vm/sync-runs/" + run + "/fail")
                .then()
                .statusCode(403);
        given().header("Authorization", N8N)
                .contentType(ContentType.JSON)
                .body("{\"error\": \"List VMs: connect ECONNREFUSED\"}")
                .post("/api/vm/sync-runs/" + run + "/fail")
                .then()
                .statusCode(200)
                .body("status", equalTo("failed"))
                .body("error", equalTo("List VMs: connect ECONNREFUSED"))
                .body("chunk_count", equalTo(1))
                .body("deleted_count", equalTo(0));
        assertThat(scalar("select count(*) from vm where source = 'pc-failing' and is_deleted"))
                .isZero();
        assertThat(strings(
                        "select action || ' ' || after_data from audit_log where resource_type = 'sync_run' "
                                + "and resource_id = ?",
                        String.valueOf(run)))
                .singleElement()
                .satisfies(row -> assertThat(row).startsWith("failed ").contains("ECONNREFUSED"));
        assertThat(scalar(
                        "select count(*) from outbox_event where event_type = 'vm.sync_run.failed' and subject = ?",
                        String.valueOf(run)))
                .isEqualTo(1);

        // an ended run can be neither failed again nor finished; an unknown one is 404
        given().header("Authorization", N8N)
                .contentType(ContentType.JSON)
                .body("{\"error\": \"again\"}")
                .post("/api/vm/sync-runs/" + run + "/fail")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        given().header("Authorization", N8N)
                .post("/api/vm/sync-runs/" + run + "/finish")
                .then()
                .statusCode(409);
        given().header("Authorization", N8N)
                .contentType(ContentType.JSON)
                .body("{\"error\": \"gone\"}")
                .post("/api/vm/sync-runs/999999/fail")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
