package io.infrasystem.vm.virtualmachine;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.commons.testing.TestDatabase;
import io.infrasystem.commons.testing.TestTokens;
import io.infrasystem.vm.Fixtures;
import io.infrasystem.vm.Sql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@QuarkusTestResource(TestDatabase.Postgres.class)
class InventoryTest {

    static final String N8N = TestTokens.apiKey("n8n", Scopes.VM_SYNC);
    static final String VIEWER = TestTokens.user("vera", Scopes.groupsForRoles(Set.of(Scopes.VIEWER)));
    static final String EDITOR = TestTokens.user("ed", Scopes.groupsForRoles(Set.of(Scopes.EDITOR)));
    static final String ADMIN = TestTokens.user("ada", Scopes.groupsForRoles(Set.of(Scopes.ADMIN)));
    static final String WEB = "a1b2c3d4-1111-4aaa-8bbb-000000000001";

    static RequestSpecification as(String token) {
        return given().header("Authorization", token);
    }

    static final String JSON = ContentType.JSON.toString();
    static final String MERGE_PATCH = "application/merge-patch+json";

    /** @return the answer to a JSON {@code POST} of {@code json} to {@code path} as {@code token} */
    static ValidatableResponse postJson(String token, String path, String json) {
        return as(token).contentType(ContentType.JSON).body(json).post(path).then();
    }

    /** @return the answer to a {@code PATCH} of {@code json} as {@code contentType} to {@code path} as {@code token} */
    static ValidatableResponse patch(String token, String path, String contentType, String json) {
        return as(token).contentType(contentType).body(json).patch(path).then();
    }

    static void sync(String platform, String source, Object body) {
        as(N8N).contentType(ContentType.JSON)
                .body(body.toString())
                .post("/api/vm/sync/" + platform + "?source=" + source)
                .then()
                .statusCode(200);
    }

    static ObjectNode vsphere() {
        ArrayNode vms = Fixtures.json("nutanix/v3_vms_list_own.json").arrayNode();
        for (String id : new String[] {"22", "43"}) {
            ObjectNode item = vms.addObject();
            item.put("vm", "vm-" + id);
            item.set("detail", Fixtures.json("vmware/api_vcenter_vm_vm-" + id + ".json"));
            item.set("guest_identity", Fixtures.json("vmware/api_vcenter_vm_vm-" + id + "_guest_identity.json"));
            item.put("cluster", "Cluster-1");
        }
        ObjectNode root = vms.objectNode();
        root.set("vms", vms);
        return root;
    }

    @Inject
    DataSource dataSource;

    private boolean synced;

    /**
     * Starts from an empty inventory (the test run's database is shared by every test class, and
     * the counts below are those of this class's payloads alone), then syncs the three sources.
     */
    @BeforeEach
    void inventory() {
        if (synced) {
            return;
        }
        synced = true;
        Sql.execute(dataSource, "truncate vm, hosts, networks, vm_sync_run cascade");
        sync("nutanix", "pc-inv", Fixtures.json("nutanix/v3_vms_list_own.json"));
        sync("nutanix", "pc-v4", Fixtures.json("nutanix/v4_vmm_ahv_config_vms_list.json"));
        sync("vmware", "vc-1", vsphere());
    }

    static long id(String name) {
        return ((Number) as(VIEWER)
                        .get("/api/vm/vms?name=" + name)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("results[0].id"))
                .longValue();
    }

    @Test
    void listsTheEffectiveInventoryWithFiltersOrderingAndPaging() {
        as(VIEWER)
                .get("/api/vm/vms?limit=5")
                .then()
                .statusCode(200)
                .body("count", equalTo(31))
                .body("results", hasSize(5))
                .body("next", notNullValue());
        as(VIEWER)
                .get("/api/vm/vms?platform=vmware")
                .then()
                .body("count", equalTo(2))
                .body("results.cluster_name", everyItem(equalTo("Cluster-1")));
        as(VIEWER).get("/api/vm/vms?power_state=off&source=pc-v4").then().body("count", equalTo(3));
        as(VIEWER).get("/api/vm/vms?ip=10.2.192.5").then().body("results.vm_name", contains("NSX-Manager-1"));
        as(VIEWER)
                .get("/api/vm/vms?name__ic=acme-k8s&ordering=-name")
                .then()
                .body("results.vm_name", contains("Acme-k8s-4", "Acme-K8S-3", "Acme-K8S-2", "Acme-K8S-1"));
        as(VIEWER).get("/api/vm/vms?os_family=linux").then().body("count", equalTo(2));
        as(VIEWER).get("/api/vm/vms?network=vlan-120-app").then().body("count", equalTo(3));
        as(VIEWER).get("/api/vm/vms?q=nsx-edge").then().body("results.vm_name", contains("NSX-Edge-1"));
        as(VIEWER).get("/api/vm/vms?ordering=-memory_mb&limit=1").then().body("results[0].memory_mb", equalTo(32768));
        as(VIEWER).get("/api/vm/vms?host=10.46.136.28").then().body("results.vm_name", contains("app-web-01"));
    }

    @Test
    void badFiltersAre400() {
        as(VIEWER)
                .get("/api/vm/vms?colour=red&power_state=sideways&ordering=secret")
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("colour", "power_state", "ordering"));
    }

    @Test
    void detailCarriesNicsDisksHistoryAndAnEtag() {
        long id = id("app-web-01");
        as(VIEWER)
                .get("/api/vm/vms/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("vm.vm_uuid", equalTo(WEB))
                .body("nics[0].ips.ip_address", contains("10.20.120.11"))
                .body("disks", hasSize(2))
                .body("history.change_type", hasItem("created"))
                .body("synced.memory_mb", equalTo(8192));
        as(VIEWER).get("/api/vm/vms/999999").then().statusCode(404);
        given().get("/api/vm/vms").then().statusCode(401);
    }

    @Test
    void overrideSurvivesASyncAndIsMarked() {
        long id = id("db-main-01");
        patch(
                        EDITOR,
                        "/api/vm/vms/" + id + "/manual",
                        MERGE_PATCH,
                        "{\"override_cluster\": true, \"manual_cluster_name\": \"dr-site\", \"environment\": \"production\"}")
                .statusCode(200)
                .header("ETag", "\"1\"");
        ObjectNode moved = Fixtures.json("nutanix/v3_vms_list_own.json");
        for (var e : moved.get("entities")) {
            ((ObjectNode) e.get("status").get("cluster_reference")).put("name", "prod-ahv-02");
        }
        sync("nutanix", "pc-inv", moved);
        as(VIEWER)
                .get("/api/vm/vms/" + id)
                .then()
                .body("vm.cluster_name", equalTo("dr-site"))
                .body("vm.overridden", contains("cluster_name"))
                .body("synced.cluster_name", equalTo("prod-ahv-02"))
                .body("manual.environment", equalTo("production"));
        as(VIEWER).get("/api/vm/vms?cluster=dr-site").then().body("results.id", contains((int) id));
        as(VIEWER).get("/api/vm/vms?environment=production").then().body("count", equalTo(1));
        as(EDITOR)
                .header("If-Match", "\"0\"")
                .contentType("application/merge-patch+json")
                .body("{\"notes\": \"x\"}")
                .patch("/api/vm/vms/" + id + "/manual")
                .then()
                .statusCode(412);
        patch(EDITOR, "/api/vm/vms/" + id + "/manual", MERGE_PATCH, "{\"override_hostname\": true}")
                .statusCode(400);
        patch(EDITOR, "/api/vm/vms/" + id + "/manual", MERGE_PATCH, "{\"business_owner_id\": 4242}")
                .statusCode(400)
                .body("errors.field", contains("business_owner_id"));
        patch(VIEWER, "/api/vm/vms/" + id + "/manual", MERGE_PATCH, "{\"notes\": \"x\"}")
                .statusCode(403);
    }

    @Test
    void manualIpsSurviveEverySyncAndAreFilterable() {
        long id = id("build-agent-old");
        postJson(EDITOR, "/api/vm/vms/" + id + "/ips", "{\"ip_address\": \"10.99.0.7\", \"is_primary\": true}")
                .statusCode(201)
                .body("manual_ips.ip_address", contains("10.99.0.7"));
        postJson(EDITOR, "/api/vm/vms/" + id + "/ips", "{\"ip_address\": \"10.99.0.7\"}")
                .statusCode(409);
        postJson(EDITOR, "/api/vm/vms/" + id + "/ips", "{\"ip_address\": \"10.99.0.999\"}")
                .statusCode(400);
        sync("nutanix", "pc-inv", Fixtures.json("nutanix/v3_vms_list_own.json"));
        as(VIEWER)
                .get("/api/vm/vms?ip=10.99.0.7")
                .then()
                .body("results.id", contains((int) id))
                .body("results[0].ip_addresses", contains("10.99.0.7"));
    }

    @Test
    void tagsAndCustomFieldsSingleAndBulk() {
        long a = id("Acme-VM1");
        long b = id("Acme-VM2");
        postJson(EDITOR, "/api/vm/vms/" + a + "/tags", "{\"tag\": \"pci\"}")
                .statusCode(200)
                .body("tags", contains("pci"));
        postJson(EDITOR, "/api/vm/vms/tags/bulk", "{\"vm_ids\": [" + a + ", " + b + "], \"add\": [\"backup\"]}")
                .statusCode(200);
        as(VIEWER).get("/api/vm/vms?tag=backup").then().body("count", equalTo(2));
        postJson(EDITOR, "/api/vm/vms/tags/bulk", "{\"vm_ids\": [" + a + ", 999999], \"add\": [\"never\"]}")
                .statusCode(404);
        as(VIEWER).get("/api/vm/vms?tag=never").then().body("count", equalTo(0));
        as(EDITOR)
                .delete("/api/vm/vms/" + a + "/tags/pci")
                .then()
                .statusCode(200)
                .body("tags", contains("backup"));
        patch(EDITOR, "/api/vm/vms/" + a + "/custom-fields", JSON, "{\"cost_center\": \"CC-12\", \"rack\": null}")
                .statusCode(200)
                .body("custom_fields.cost_center", equalTo("CC-12"));
        patch(EDITOR, "/api/vm/vms/" + a + "/custom-fields", JSON, "{\"bad key!\": \"x\"}")
                .statusCode(400);
    }

    @Test
    void ownersWithUniqueEmailAndAdminQuickAssign() {
        int owner = postJson(
                        EDITOR,
                        "/api/vm/owners",
                        "{\"full_name\": \"Grace Hopper\", \"email\": \"grace@example.com\", \"department\": \"Ops\"}")
                .statusCode(201)
                .extract()
                .path("id");
        postJson(EDITOR, "/api/vm/owners", "{\"full_name\": \"G\", \"email\": \"GRACE@example.com\"}")
                .statusCode(409);
        postJson(EDITOR, "/api/vm/owners", "{\"full_name\": \"\", \"email\": \"not-an-email\"}")
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("full_name", "email"));
        long vm = id("GI-ELK");
        postJson(EDITOR, "/api/vm/vms/" + vm + "/technical-owner", "{\"owner_id\": " + owner + "}")
                .statusCode(403);
        postJson(ADMIN, "/api/vm/vms/" + vm + "/technical-owner", "{\"owner_id\": " + owner + "}")
                .statusCode(200);
        as(VIEWER)
                .get("/api/vm/vms?owner=grace@example.com")
                .then()
                .body("results.id", contains((int) vm))
                .body("results[0].technical_owner.full_name", equalTo("Grace Hopper"));
        as(EDITOR)
                .contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body("{\"designation\": \"Admiral\"}")
                .patch("/api/vm/owners/" + owner)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("designation", equalTo("Admiral"));
        as(VIEWER).get("/api/vm/owners?q=grace").then().body("count", equalTo(1));
        // removing a technical owner from its VMs is the admin's quick-assign too
        as(EDITOR).delete("/api/vm/owners/" + owner).then().statusCode(403).contentType("application/problem+json");
        as(VIEWER).get("/api/vm/vms/" + vm).then().body("vm.technical_owner.full_name", equalTo("Grace Hopper"));
        as(ADMIN).delete("/api/vm/owners/" + owner).then().statusCode(204);
        as(VIEWER).get("/api/vm/vms/" + vm).then().body("vm.technical_owner", equalTo(null));
    }

    @Test
    void technicalOwnerChangesThroughTheManualPatchAreAdminOnlyToo() {
        int owner = postJson(
                        EDITOR, "/api/vm/owners", "{\"full_name\": \"Mallory\", \"email\": \"mallory@example.com\"}")
                .statusCode(201)
                .extract()
                .path("id");
        long vm = id("NSX-Edge-1");
        String before =
                as(VIEWER).get("/api/vm/vms/" + vm + "/manual").then().extract().asString();
        long audits = auditCount();

        patch(
                        EDITOR,
                        "/api/vm/vms/" + vm + "/manual",
                        MERGE_PATCH,
                        "{\"technical_owner_id\": " + owner + ", \"notes\": \"x\"}")
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("technical-owner"));
        org.assertj.core.api.Assertions.assertThat(as(VIEWER)
                        .get("/api/vm/vms/" + vm + "/manual")
                        .then()
                        .extract()
                        .asString())
                .isEqualTo(before);
        org.assertj.core.api.Assertions.assertThat(auditCount()).isEqualTo(audits);

        // other fields stay editable, and sending the unchanged technical owner is no change
        patch(
                        EDITOR,
                        "/api/vm/vms/" + vm + "/manual",
                        MERGE_PATCH,
                        "{\"notes\": \"editor note\", \"technical_owner_id\": null}")
                .statusCode(200)
                .body("manual.notes", equalTo("editor note"));
        patch(ADMIN, "/api/vm/vms/" + vm + "/manual", MERGE_PATCH, "{\"technical_owner_id\": " + owner + "}")
                .statusCode(200)
                .body("manual.technical_owner_id", equalTo(owner));
        patch(EDITOR, "/api/vm/vms/" + vm + "/manual", MERGE_PATCH, "{\"technical_owner_id\": null}")
                .statusCode(403);
        patch(ADMIN, "/api/vm/vms/" + vm + "/manual", MERGE_PATCH, "{\"technical_owner_id\": null}")
                .statusCode(200);
    }

    long auditCount() {
        return Sql.scalar(dataSource, "select count(*) from audit_log");
    }

    @Test
    void adminSoftDeletesAndRestoresByHand() {
        long id = id("Acme-Kali");
        as(EDITOR).delete("/api/vm/vms/" + id).then().statusCode(403);
        as(ADMIN)
                .delete("/api/vm/vms/" + id + "?reason=decommissioned")
                .then()
                .statusCode(200)
                .body("is_deleted", equalTo(true));
        as(VIEWER).get("/api/vm/vms?name=Acme-Kali").then().body("count", equalTo(0));
        as(VIEWER).get("/api/vm/vms?name=Acme-Kali&deleted=true").then().body("count", equalTo(1));
        as(ADMIN).delete("/api/vm/vms/" + id).then().statusCode(409);
        as(ADMIN).post("/api/vm/vms/" + id + "/restore").then().statusCode(200).body("is_deleted", equalTo(false));
        as(VIEWER)
                .get("/api/vm/vms/" + id)
                .then()
                .body("history.change_type", hasItem("restored"))
                .body("vm.is_deleted", equalTo(false));
    }

    @Test
    void exportStreamsEveryMatchingVmAsCsv() {
        String csv = as(VIEWER)
                .get("/api/vm/vms/export.csv?platform=vmware&ordering=name")
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("vms.csv"))
                .extract()
                .asString();
        String[] lines = csv.strip().split("\r\n");
        org.assertj.core.api.Assertions.assertThat(lines).hasSize(3);
        org.assertj.core.api.Assertions.assertThat(lines[0]).startsWith("id,platform,source,vm_uuid,vm_name");
        org.assertj.core.api.Assertions.assertThat(lines[1]).contains("NSX-Edge-1", "vc-1", "Ubuntu Linux (64-bit)");
        as(VIEWER).get("/api/vm/vms/export.csv?nope=1").then().statusCode(400);
    }

    @Test
    void statsHostsAndNetworksCountFromThePayloads() {
        as(VIEWER)
                .get("/api/vm/stats")
                .then()
                .statusCode(200)
                .body("platforms.vmware", equalTo(2))
                .body("platforms.nutanix", equalTo(29))
                .body("power_states.on", notNullValue())
                .body("os_families.linux", equalTo(2))
                .body("networks.total", notNullValue())
                .body("last_runs.source", hasItem("vc-1"));
        as(VIEWER)
                .get("/api/vm/hosts?platform=nutanix&host_id=10.46.136.28")
                .then()
                .statusCode(200)
                .body("results[0].vm_count", equalTo(1));
        as(VIEWER)
                .get("/api/vm/networks?name=vlan-120-app")
                .then()
                .statusCode(200)
                .body("results[0].vm_count", equalTo(3));
        as(VIEWER)
                .get("/api/vm/networks?platform=vmware&ordering=-vm_count")
                .then()
                .statusCode(200)
                .body("results[0].network_id", equalTo("dvportgroup-26"))
                .body("results[0].vm_count", equalTo(2));
    }
}
