package io.infrasystem.e2e;

import static io.infrasystem.e2e.Steps.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrasystem.e2e.VmPayloads.ExpectedVm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole suite as its users meet it: started with the README's start command, used only through
 * the gateway's public port (plus Keycloak's login pages and the SMTP sink's API, which users meet
 * too). The scenarios build on each other and run in order; each step prints what it did and how
 * long it took.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteIT {

    /**
     * A first administrator as deploy/keycloak/create-admin.sh makes one (the realm ships no user):
     * role admin, a temporary password, UPDATE_PASSWORD. The script's CONFIGURE_TOTP is left out,
     * and the local realm binds the stock browser flow, so this browser login needs no OTP.
     */
    private static final String DEFAULT_ADMIN = "admin";

    private static final String TEMPORARY_PASSWORD = "first-admin-temporary-password";
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration QUIET_WINDOW = Duration.ofSeconds(6);

    private final Http http = new Http();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String adminPassword = "e2e-" + UUID.randomUUID();

    private StackSettings settings;
    private LocalStack stack;
    private Keycloak keycloak;
    private VmPayloads payloads;
    private EventSocket viewerEvents;

    private Http.Caller syncKey;
    private Http.Caller readKey;
    private final Map<String, Long> vmIds = new HashMap<>();
    private long serverModelId;

    @BeforeAll
    void startSuite() throws Exception {
        Path root = Path.of(System.getProperty("infra.repo.root", ".."))
                .toAbsolutePath()
                .normalize();
        settings = StackSettings.load(root);
        Path log = root.resolve("e2e-tests/target/e2e-stack.log");
        stack = step(
                "start the suite: deploy/local/stack up (log " + root.relativize(log) + ")",
                () -> LocalStack.up(settings, log));
        keycloak = new Keycloak(settings.get("INFRA_KEYCLOAK_URL"), settings.get("KEYCLOAK_REALM"));
        payloads = new VmPayloads(root);
    }

    @AfterAll
    void stopSuite() throws Exception {
        if (viewerEvents != null) {
            viewerEvents.close();
        }
        if (stack != null) {
            step("stop what this run started: deploy/local/stack down …", () -> {
                stack.close();
                return "stopped";
            });
            for (Map.Entry<String, Integer> service : settings.servicePorts().entrySet()) {
                assertThat(LocalStack.answers(service.getValue()))
                        .as(service.getKey() + " still answers after down")
                        .isFalse();
            }
        }
    }

    @Test
    @Order(1)
    void adminChangesTheTemporaryPasswordAndCreatesApiKeys() throws Exception {
        step(
                "1. a first admin with a temporary password exists (made as create-admin.sh does)",
                () -> keycloak.restoreShippedAdmin(
                                settings.get("KC_BOOTSTRAP_ADMIN_USERNAME"),
                                settings.get("KC_BOOTSTRAP_ADMIN_PASSWORD"),
                                DEFAULT_ADMIN,
                                TEMPORARY_PASSWORD)
                        ? "re-created (an earlier one existed)"
                        : "created");
        step("1. admin logs in with the temporary password and must choose a new one", () -> {
            Keycloak.BrowserLogin login = keycloak.browserLogin(DEFAULT_ADMIN, TEMPORARY_PASSWORD, adminPassword);
            assertThat(login.passwordChangeRequired())
                    .as("Keycloak demanded a new password")
                    .isTrue();
            assertThat(roles(login.accessToken())).contains("admin");
            return login + ", realm role admin";
        });
        step("1. the temporary password no longer works", () -> {
            assertThatThrownBy(() -> keycloak.browserLogin(DEFAULT_ADMIN, TEMPORARY_PASSWORD, null))
                    .hasMessageContaining("refused");
            return "refused";
        });
        Http.Caller admin = step("1. admin logs in again with the new password", () -> {
            Keycloak.BrowserLogin login = keycloak.browserLogin(DEFAULT_ADMIN, adminPassword, null);
            assertThat(login.passwordChangeRequired()).isFalse();
            return bearer(login.accessToken());
        });
        syncKey = step(
                "1. admin creates an API key with scope vm:sync", () -> apiKey(admin, "n8n-sync-" + run, "vm:sync"));
        readKey = step(
                "1. admin creates an API key with scope vm:read", () -> apiKey(admin, "reporting-" + run, "vm:read"));
    }

    @Test
    @Order(2)
    void vmPayloadsShowUpFieldByFieldAndAsEvents() throws Exception {
        viewerEvents = step(
                "3. a viewer connects a WebSocket through the gateway (vm.vm.*, inventory.asset.*)",
                () -> EventSocket.open(settings.gatewayUrl(), viewerToken(), "vm.vm.*,inventory.asset.*"));
        assertThat(syncKey).as("the API keys of scenario 1").isNotNull();

        ObjectNode vsphere = payloads.vsphereSet(VmPayloads.VSPHERE_VMS, null);
        step("2. POST vSphere /api/vcenter/vm/{vm} set with guest identities (source vcenter-a)", () -> {
            JsonNode result = syncKey.postJson("/api/vm/sync/vmware?source=vcenter-a", vsphere)
                    .expect(200)
                    .json();
            assertThat(result.path("created_count").asInt()).isEqualTo(4);
            return "created " + result.path("created_count").asInt();
        });
        ObjectNode v3 = payloads.nutanixV3List();
        List<ObjectNode> v4 = payloads.nutanixV4Chunks();
        step("2. one sync run of prism-a: v3 vms/list, then the v4 VM list in two chunks, then finish", () -> {
            long runId = syncKey.postJson("/api/vm/sync-runs", Map.of("platform", "nutanix", "source", "prism-a"))
                    .expect(201)
                    .json()
                    .path("id")
                    .asLong();
            List<ObjectNode> chunks = new ArrayList<>(List.of(v3));
            chunks.addAll(v4);
            for (ObjectNode chunk : chunks) {
                syncKey.postJson("/api/vm/sync/nutanix?run_id=" + runId, chunk).expect(200);
            }
            JsonNode finished = syncKey.post("/api/vm/sync-runs/" + runId + "/finish", "application/json", new byte[0])
                    .expect(200)
                    .json();
            assertThat(finished.path("status").asText()).isEqualTo("completed");
            assertThat(finished.path("created_count").asInt()).isEqualTo(27);
            return "run " + runId + ": " + chunks.size() + " chunks, created "
                    + finished.path("created_count").asInt();
        });

        List<ExpectedVm> expected = new ArrayList<>(payloads.expectedVsphere("vcenter-a", vsphere));
        expected.addAll(payloads.expectedNutanixV3("prism-a", v3));
        expected.addAll(payloads.expectedNutanixV4("prism-a", v4));
        step("2. with the vm:read key, every VM matches its payload (name, vCPUs, memory, disks, IPs)", () -> {
            JsonNode page = readKey.get("/api/vm/vms?limit=1000&ordering=id")
                    .expect(200)
                    .json();
            assertThat(page.path("count").asInt()).isEqualTo(expected.size());
            Map<String, JsonNode> byKey = new HashMap<>();
            for (JsonNode vm : page.path("results")) {
                byKey.put(vm.path("source").asText() + "/" + vm.path("vm_uuid").asText(), vm);
                vmIds.put(
                        vm.path("source").asText() + "/" + vm.path("vm_uuid").asText(),
                        vm.path("id").asLong());
            }
            for (ExpectedVm want : expected) {
                JsonNode got = byKey.get(want.source() + "/" + want.uuid());
                assertThat(got).as("VM %s of %s", want.name(), want.source()).isNotNull();
                String what = want.source() + "/" + want.name();
                assertThat(got.path("vm_name").asText()).as(what + " name").isEqualTo(want.name());
                assertThat(got.path("total_vcpus").asInt()).as(what + " vCPUs").isEqualTo(want.vcpus());
                assertThat(got.path("memory_mb").asLong())
                        .as(what + " memory MiB")
                        .isEqualTo(want.memoryMb());
                assertThat(got.path("total_disks").asInt()).as(what + " disks").isEqualTo(want.disks());
                assertThat(got.path("total_disk_gb").asDouble())
                        .as(what + " disk GiB")
                        .isCloseTo(want.diskGb(), within(0.01));
                Set<String> ips = new TreeSet<>();
                got.path("ip_addresses").forEach(ip -> ips.add(ip.asText()));
                assertThat(ips).as(what + " IPs").isEqualTo(want.ips());
            }
            return expected.size() + " VMs (4 vSphere, 1 Nutanix v3, 26 Nutanix v4) match";
        });
        step("3. the viewer receives vm.vm.created for each new VM", () -> {
            Set<String> wanted = new HashSet<>();
            vmIds.values().forEach(id -> wanted.add(String.valueOf(id)));
            List<JsonNode> events = viewerEvents.awaitUntil(
                    EVENT_TIMEOUT, got -> subjects(got, "vm.vm.created").containsAll(wanted));
            assertThat(subjects(events, "vm.vm.created")).isEqualTo(wanted);
            assertThat(events)
                    .as("only created events")
                    .allMatch(e -> e.path("type").asText().equals("vm.vm.created"));
            return events.size() + " vm.vm.created";
        });
    }

    @Test
    @Order(3)
    void powerOffAndDisappearanceAreOneEventEachAndAnIdenticalResyncNone() throws Exception {
        List<String> remaining = List.of("22", "23", "43");
        ObjectNode second = payloads.vsphereSet(remaining, "22");
        String poweredOff = String.valueOf(vmIds.get("vcenter-a/"
                + second.path("vms")
                        .path(0)
                        .path("detail")
                        .path("identity")
                        .path("instance_uuid")
                        .asText()));
        JsonNode gone = payloads.read("vmware/api_vcenter_vm_vm-44.json");
        String disappeared = String.valueOf(vmIds.get(
                "vcenter-a/" + gone.path("identity").path("instance_uuid").asText()));
        step("3. second vSphere payload: vm-22 powered off, vm-44 gone", () -> {
            JsonNode result = syncKey.postJson("/api/vm/sync/vmware?source=vcenter-a", second)
                    .expect(200)
                    .json();
            assertThat(result.path("updated_count").asInt()).isEqualTo(1);
            assertThat(result.path("deleted_count").asInt()).isEqualTo(1);
            assertThat(result.path("unchanged_count").asInt()).isEqualTo(2);
            return "updated 1, deleted 1, unchanged 2";
        });
        step("3. the viewer receives exactly one vm.vm.updated (power state) and one vm.vm.deleted", () -> {
            List<JsonNode> events = new ArrayList<>(viewerEvents.awaitUntil(
                    EVENT_TIMEOUT,
                    got -> subjects(got, "vm.vm.updated").contains(poweredOff)
                            && subjects(got, "vm.vm.deleted").contains(disappeared)));
            events.addAll(viewerEvents.collectFor(QUIET_WINDOW));
            assertThat(EventSocket.summary(events))
                    .containsExactlyInAnyOrder("vm.vm.updated " + poweredOff, "vm.vm.deleted " + disappeared);
            JsonNode updated = events.stream()
                    .filter(e -> e.path("type").asText().equals("vm.vm.updated"))
                    .findFirst()
                    .orElseThrow();
            assertThat(updated.path("data").path("changes").toString())
                    .as("the update names the power state change")
                    .contains("power_state")
                    .contains("\"off\"");
            return EventSocket.summary(events);
        });
        step("3. an identical third payload changes nothing and publishes no event", () -> {
            JsonNode result = syncKey.postJson("/api/vm/sync/vmware?source=vcenter-a", second)
                    .expect(200)
                    .json();
            assertThat(result.path("unchanged_count").asInt()).isEqualTo(3);
            assertThat(result.path("updated_count").asInt()
                            + result.path("created_count").asInt()
                            + result.path("deleted_count").asInt())
                    .isZero();
            List<JsonNode> events = viewerEvents.collectFor(QUIET_WINDOW);
            assertThat(EventSocket.summary(events)).isEmpty();
            return "unchanged 3, no event in " + QUIET_WINDOW.toSeconds() + " s";
        });
    }

    @Test
    @Order(4)
    void editorBuildsARackAndTheViewerSeesAMove() throws Exception {
        Http.Caller editor = bearer(editorToken());
        Path devicetypes = settings.repoRoot().resolve("inventory-service/src/test/resources/devicetypes");
        serverModelId = step("4. editor imports the NetBox device-type YAMLs (id of the 2U server model)", () -> {
            Map<String, String> files = Map.of(
                    "Lenovo_ThinkSystem-SR650.yaml",
                    "server",
                    "Arista_DCS-7050SX3-48YC8.yaml",
                    "switch",
                    "Mellanox_SN2010-half-width.yaml",
                    "switch",
                    "Raritan_PX3-ZeroU.yaml",
                    "pdu");
            long server = 0;
            for (Map.Entry<String, String> file : files.entrySet()) {
                JsonNode result = editor.post(
                                "/api/inventory/models/import/devicetype-library?category=" + file.getValue(),
                                "application/yaml",
                                Files.readAllBytes(devicetypes.resolve(file.getKey())))
                        .expect(200)
                        .json();
                assertThat(result.path("created").asInt()
                                + result.path("updated").asInt())
                        .isEqualTo(1);
                if (file.getValue().equals("server")) {
                    server = result.path("models").path(0).path("id").asLong();
                    assertThat(result.path("models").path(0).path("u_height").asDouble())
                            .isEqualTo(2.0);
                }
            }
            return server;
        });
        long site = step(
                "4. editor creates a site (id)",
                () -> editor.postJson(
                                "/api/inventory/sites",
                                Map.of("name", "DC-E2E-" + run, "status", "active", "time_zone", "Europe/Paris"))
                        .expect(201)
                        .json()
                        .path("id")
                        .asLong());
        long rack = step(
                "4. editor creates a 42U rack (id)",
                () -> editor.postJson(
                                "/api/inventory/racks",
                                Map.of("site_id", site, "name", "R01-" + run, "status", "active", "u_height", 42))
                        .expect(201)
                        .json()
                        .path("id")
                        .asLong());
        long first = step(
                "4. editor places server 1 at U10 front (asset id)",
                () -> placedServer(editor, site, rack, "srv-a-" + run, 10));
        long second = step(
                "4. editor places server 2 at U20 front (asset id)",
                () -> placedServer(editor, site, rack, "srv-b-" + run, 20));
        step("4. placing server 2 over server 1 (U11) is a 409 naming the blocking asset", () -> {
            JsonNode problem = editor.postJson(
                            "/api/inventory/assets/" + second + "/placement",
                            Map.of("rack_id", rack, "position", 11, "face", "front"))
                    .expect(409)
                    .json();
            assertThat(problem.toString()).contains("asset " + first);
            return problem.path("detail").asText();
        });
        step("4. editor moves server 2 to U30; the viewer receives inventory.asset.moved", () -> {
            editor.postJson(
                            "/api/inventory/assets/" + second + "/placement",
                            Map.of("rack_id", rack, "position", 30, "face", "front"))
                    .expect(200);
            List<JsonNode> events =
                    viewerEvents.awaitUntil(EVENT_TIMEOUT, got -> got.stream().anyMatch(e -> isMoveTo(e, second, 30)));
            JsonNode moved = events.stream()
                    .filter(e -> isMoveTo(e, second, 30))
                    .findFirst()
                    .orElseThrow();
            assertThat(moved.path("data").path("changes").toString()).contains("20");
            return "inventory.asset.moved " + second + " " + moved.path("data").path("changes");
        });
    }

    @Test
    @Order(5)
    void endOfSupportReportArrivesByEmail() throws Exception {
        Http.Caller editor = bearer(editorToken());
        String recipient =
                settings.get("INVENTORY_EOS_REPORT_RECIPIENTS").split(",")[0].trim();
        step(
                "5. the server model's end of support is set in the past",
                () -> editor.patchJson("/api/inventory/models/" + serverModelId, Map.of("end_of_support", "2025-06-30"))
                        .expect(200)
                        .json()
                        .path("end_of_support")
                        .asText());
        Http.Caller admin = step(
                "5. admin logs in",
                () -> bearer(keycloak.browserLogin(DEFAULT_ADMIN, adminPassword, null)
                        .accessToken()));
        step("5. admin triggers the End-of-Support report job", () -> {
            JsonNode notice = admin.post("/api/inventory/reports/eos/notify", "application/json", new byte[0])
                    .expect(200)
                    .json();
            assertThat(notice.path("models").asInt()).isEqualTo(1);
            assertThat(notice.path("recipients").toString()).contains(recipient);
            return notice.path("models").asInt() + " model past end of support, "
                    + notice.path("assets").asInt() + " assets";
        });
        String subject =
                step("5. the mail transaction log (through the gateway) shows the report sent to " + recipient, () -> {
                    JsonNode sent = sentMessage(admin, recipient, item -> true);
                    assertThat(sent.path("origin").asText()).isEqualTo("event");
                    return sent.path("subject").asText();
                });
        step("5. the SMTP sink holds the message", () -> {
            Http.Caller sink = http.caller(
                    "http://" + settings.get("SMTP_HOST") + ":" + settings.get("SMTP_API_PORT"), null, null);
            JsonNode messages = sink.get("/api/user/" + Http.encode(recipient) + "/messages/INBOX")
                    .expect(200)
                    .json();
            assertThat(messages.toString()).contains(subject);
            return subject;
        });
    }

    @Test
    @Order(6)
    void keysAndServicePortsAreGuarded() throws Exception {
        step(
                "6. the vm:read key cannot post a sync (403)",
                () -> readKey.postJson("/api/vm/sync/vmware?source=vcenter-a", payloads.vsphereSet(List.of("22"), null))
                        .expect(403)
                        .json()
                        .path("detail")
                        .asText());
        step(
                "6. a call straight to vm-service's port without the gateway's token is 401",
                () -> http.caller("http://127.0.0.1:" + settings.port("VM_SERVICE_PORT"), null, null)
                        .get("/api/vm/vms")
                        .expect(401)
                        .json()
                        .path("title")
                        .asText());
        step(
                "6. the API key itself is not accepted by vm-service directly (401)",
                () -> http.caller("http://127.0.0.1:" + settings.port("VM_SERVICE_PORT"), "X-API-Key", readKey.value())
                        .get("/api/vm/vms")
                        .expect(401)
                        .status());
    }

    @Test
    @Order(7)
    void aSyncPayloadAboveTenMebibytesWithContentLengthIsAccepted() throws Exception {
        step("7. POST a 12 MB vSphere payload with Content-Length (source e2e-large-body)", () -> {
            byte[] json = Http.JSON.writeValueAsBytes(payloads.vsphereSet(List.of("22"), null));
            byte[] body = new byte[12_000_000];
            java.util.Arrays.fill(body, (byte) ' ');
            System.arraycopy(json, 0, body, 0, json.length);
            JsonNode result = syncKey.post("/api/vm/sync/vmware?source=e2e-large-body", "application/json", body)
                    .expect(200)
                    .json();
            return body.length + " bytes (JSON padded with whitespace), " + result.path("counts");
        });
    }

    @Test
    @Order(8)
    void everyListIsWalkedByNextOnThePublicBaseTheClientUsed() throws Exception {
        String publicBase = "http://localhost:" + settings.port("API_GATEWAY_PORT");
        String admin = "Bearer "
                + keycloak.passwordGrant(
                        settings.get("INFRA_DEV_CLIENT_ID"), "dev-admin", settings.get("DEV_ADMIN_PASSWORD"));
        Http.Caller caller = http.caller(publicBase, "Authorization", admin);
        step("8. admin creates three owners at " + publicBase + "; each Location is on that base", () -> {
            List<String> locations = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Http.Reply created = caller.postJson(
                                "/api/vm/owners",
                                Map.of("full_name", "Walker " + i, "email", "walker-" + i + "-" + run + "@example.com"))
                        .expect(201);
                String location = created.headers().firstValue("Location").orElseThrow();
                assertThat(location)
                        .isEqualTo(publicBase + "/api/vm/owners/"
                                + created.json().path("id").asLong());
                locations.add(location);
            }
            return locations.get(0) + " …";
        });
        ListWalk walker = new ListWalk(http, publicBase, admin);
        List<String> endpoints = new ArrayList<>();
        step("8. the list endpoints of every OpenAPI document", () -> {
            endpoints.addAll(walker.endpoints());
            assertThat(endpoints)
                    .contains("/api/vm/vms", "/api/vm/owners", "/api/inventory/assets", "/api/gateway/api-keys");
            return endpoints.size() + " lists";
        });
        List<ListWalk.Walk> walks = new ArrayList<>();
        for (String endpoint : endpoints) {
            walks.add(step("8. walk " + endpoint + " by next", () -> walker.walk(endpoint)));
        }
        step("8. every walk saw each item once on " + publicBase, () -> {
            long paged = walks.stream().filter(w -> w.pages() >= 3).count();
            assertThat(paged).as("lists with three pages or more").isGreaterThanOrEqualTo(5);
            return walks.size() + " lists, "
                    + walks.stream().mapToLong(ListWalk.Walk::count).sum() + " items, "
                    + walks.stream().mapToInt(ListWalk.Walk::pages).sum() + " pages; " + paged
                    + " lists with ≥ 3 pages";
        });
    }

    @Test
    @Order(9)
    void anAdminSetsUpAProjectWhoseMemberAloneSeesItAndItsEvents() throws Exception {
        Http.Caller admin = bearer(adminToken());
        Http.Caller viewer = bearer(viewerToken());
        try (EventSocket memberEvents = step(
                "9. dev-viewer connects a WebSocket for project.* events",
                () -> EventSocket.open(settings.gatewayUrl(), viewerToken(), "project.*"))) {
            long client = step(
                    "9. admin creates a client (id)",
                    () -> created(admin.postJson(
                            "/api/project/clients",
                            Map.of("name", "Client E2E " + run, "contact_email", "ops-" + run + "@client.example"))));
            long project = step(
                    "9. admin creates a project of the client (id)",
                    () -> created(admin.postJson(
                            "/api/project/projects",
                            Map.of("client_id", client, "name", "ERP " + run, "code", "E2E-" + run))));
            long other = step(
                    "9. admin creates a second project of the client, nobody assigned (id)",
                    () -> created(admin.postJson(
                            "/api/project/projects", Map.of("client_id", client, "name", "Other " + run))));
            String prodName = "erp-prod-" + run;
            long production = step(
                    "9. admin creates the project's PRODUCTION instance (id)",
                    () -> created(admin.postJson(
                            "/api/project/instances",
                            Map.of(
                                    "project_id",
                                    project,
                                    "name",
                                    prodName,
                                    "type",
                                    "PRODUCTION",
                                    "url",
                                    "https://erp-" + run + ".example.test",
                                    "odoo_version",
                                    "17.0",
                                    "odoo_edition",
                                    "enterprise"))));
            step("9. admin assigns dev-viewer to the project; dev-viewer receives its assignment event", () -> {
                long assignment = created(admin.postJson(
                        "/api/project/assignments", Map.of("project_id", project, "username", "dev-viewer")));
                memberEvents.awaitUntil(
                        EVENT_TIMEOUT,
                        got -> got.stream().anyMatch(e -> isEvent(e, "project.assignment.created", assignment)));
                return "assignment " + assignment;
            });
            step("9. dev-viewer sees this run's assigned project only; the other is a 404", () -> {
                JsonNode page =
                        viewer.get("/api/project/projects?q=" + run).expect(200).json();
                List<Long> ids = new ArrayList<>();
                page.path("results").forEach(p -> ids.add(p.path("id").asLong()));
                assertThat(ids).containsExactly(project);
                assertThat(page.path("count").asLong()).isEqualTo(1);
                viewer.get("/api/project/projects/" + other).expect(404);
                assertThat(viewer.get("/api/project/instances?project_id=" + project)
                                .expect(200)
                                .json()
                                .path("results")
                                .path(0)
                                .path("name")
                                .asText())
                        .isEqualTo(prodName);
                return ids;
            });
            step("9. a second active PRODUCTION instance is a 409 naming the first", () -> {
                JsonNode problem = admin.postJson(
                                "/api/project/instances",
                                Map.of("project_id", project, "name", "erp-prod-2-" + run, "type", "PRODUCTION"))
                        .expect(409)
                        .json();
                assertThat(problem.path("detail").asText()).contains(prodName);
                assertThat(problem.path("errors").toString())
                        .contains("instance " + production + " (" + prodName + ")");
                return problem.path("detail").asText();
            });
            step("9. dev-viewer receives the change of its project and none of the other project", () -> {
                admin.patchJson("/api/project/projects/" + other, Map.of("description", "changed " + run))
                        .expect(200);
                admin.patchJson("/api/project/projects/" + project, Map.of("description", "changed " + run))
                        .expect(200);
                List<JsonNode> events = new ArrayList<>(memberEvents.awaitUntil(
                        EVENT_TIMEOUT,
                        got -> got.stream().anyMatch(e -> isEvent(e, "project.project.updated", project))));
                events.addAll(memberEvents.collectFor(QUIET_WINDOW));
                assertThat(events)
                        .as("events of the unassigned project %d", other)
                        .noneMatch(e -> e.path("data").path("project_id").asLong() == other
                                || isEvent(e, "project.project.updated", other));
                return EventSocket.summary(events);
            });
        }
    }

    @Test
    @Order(10)
    void theWebApplicationsBrowserScenariosPass() throws Exception {
        assumeFalse(
                Boolean.getBoolean("infra.skip.npm"),
                "-Dskip.npm: the web module was not built, so its browser scenarios cannot run");
        Path output = Path.of(System.getProperty("infra.repo.root", ".."), "e2e-tests", "target");
        step(
                "10. the web application's Playwright scenarios in Chromium (web/e2e, log e2e-tests/target/playwright.log)",
                () -> new BrowserScenarios(settings, output.toAbsolutePath().normalize()).run());
    }

    @Test
    @Order(11)
    void aScannedEndpointsCertificateShowsUpWithItsDomainsAndBindingAndIsAlertedOnce() throws Exception {
        // the first admin of scenario 1 (whose password only this run knows) does the writes: the
        // shared dev users of the realm can be locked out for a minute by other runs' failed logins
        Http.Caller admin = bearer(adminToken());
        Http.Caller viewer = bearer(viewerToken());
        String recipient =
                settings.get("INFRA_CERT_ALERTS_RECIPIENTS").split(",")[0].trim();
        String www = "www.e2e-" + run + ".example.com";
        String api = "api.e2e-" + run + ".example.com";
        try (EventSocket certEvents = step(
                        "11. a viewer connects a WebSocket through the gateway (cert.*)",
                        () -> EventSocket.open(settings.gatewayUrl(), viewerToken(), "cert.*"));
                TlsEndpoint endpoint = step(
                        "11. a TLS endpoint on loopback, certificate for " + www + " and " + api + ", 10 days left",
                        () -> TlsEndpoint.start(Duration.ofDays(10), List.of(www, api)))) {
            long target = step(
                    "11. admin creates a scan target for it (id)",
                    () -> created(admin.postJson(
                            "/api/cert/scan-targets",
                            Map.of("host", "127.0.0.1", "port", endpoint.port(), "sni", www))));
            long firstRun = step("11. admin scans it; the run completes with one success (run id)", () -> {
                long id = scanRun(admin, target);
                JsonNode scan = viewer.get("/api/cert/scans?scan_run_id=" + id)
                        .expect(200)
                        .json()
                        .path("results")
                        .path(0);
                assertThat(scan.path("result").asText()).as("scan %s", scan).isEqualTo("success");
                assertThat(scan.path("hostname_match").asBoolean()).isTrue();
                assertThat(scan.path("trusted").asBoolean()).as("self-signed").isFalse();
                return id;
            });
            JsonNode certificate = step("11. the viewer sees the certificate through the gateway (id, status)", () -> {
                JsonNode page = viewer.get("/api/cert/certificates?san=" + Http.encode(api))
                        .expect(200)
                        .json();
                assertThat(page.path("count").asInt()).isEqualTo(1);
                JsonNode found = page.path("results").path(0);
                assertThat(found.path("sha256_thumbprint").asText()).isEqualTo(endpoint.sha256Thumbprint());
                assertThat(found.path("common_name").asText()).isEqualTo(www);
                assertThat(found.path("source").asText()).isEqualTo("scan");
                assertThat(found.path("status").asText()).isEqualTo("expiring");
                List<String> dns = new ArrayList<>();
                found.path("sans").forEach(san -> {
                    if (san.path("type").asText().equalsIgnoreCase("dns")) {
                        dns.add(san.path("value").asText());
                    }
                });
                assertThat(dns).containsExactly(www, api);
                return found;
            });
            long certificateId = certificate.path("id").asLong();
            step("11. its domains are listed as secured by it, with their parents", () -> {
                JsonNode page = viewer.get("/api/cert/domains?certificate_id=" + certificateId)
                        .expect(200)
                        .json();
                Set<String> names = new TreeSet<>();
                page.path("results").forEach(d -> names.add(d.path("name").asText()));
                assertThat(names).containsExactlyInAnyOrder(www, api);
                JsonNode parent = viewer.get("/api/cert/domains?name=e2e-" + run + ".example.com")
                        .expect(200)
                        .json()
                        .path("results")
                        .path(0);
                assertThat(parent.path("parent_name").asText()).isEqualTo("example.com");
                return names + " under " + parent.path("name").asText();
            });
            step("11. its binding names the host, address, port and SNI scanned", () -> {
                JsonNode page = viewer.get("/api/cert/bindings?certificate_id=" + certificateId)
                        .expect(200)
                        .json();
                assertThat(page.path("count").asInt()).isEqualTo(1);
                JsonNode binding = page.path("results").path(0);
                assertThat(binding.path("host_name").asText()).isEqualTo("127.0.0.1");
                assertThat(binding.path("ip_address").asText()).isEqualTo("127.0.0.1");
                assertThat(binding.path("port").asInt()).isEqualTo(endpoint.port());
                assertThat(binding.path("sni").asText()).isEqualTo(www);
                assertThat(binding.path("platform").asText()).isEqualTo("web_server");
                return "binding " + binding.path("id").asLong() + " on host " + binding.path("host_id");
            });
            step("11. the viewer received the certificate's creation and the run's completion", () -> {
                List<JsonNode> events = certEvents.awaitUntil(
                        EVENT_TIMEOUT,
                        got -> got.stream().anyMatch(e -> isEvent(e, "cert.certificate.created", certificateId))
                                && got.stream().anyMatch(e -> isEvent(e, "cert.scan_run.completed", firstRun)));
                return EventSocket.summary(events);
            });
            step("11. admin runs the expiry check: the certificate is alerted (10 days: threshold 14)", () -> {
                JsonNode checked = admin.post("/api/cert/alerts/expiry/check", "application/json", new byte[0])
                        .expect(200)
                        .json();
                assertThat(checked.path("alerted_certificate_ids").toString())
                        .as("check %s", checked)
                        .contains(String.valueOf(certificateId));
                List<JsonNode> events = certEvents.awaitUntil(
                        EVENT_TIMEOUT,
                        got -> got.stream().anyMatch(e -> isEvent(e, "cert.certificate.expiring", certificateId)));
                JsonNode expiring = events.stream()
                        .filter(e -> isEvent(e, "cert.certificate.expiring", certificateId))
                        .findFirst()
                        .orElseThrow();
                assertThat(expiring.path("data").path("threshold_days").asInt()).isEqualTo(14);
                return expiring.path("data");
            });
            step("11. a second scan and a second check alert nothing again", () -> {
                scanRun(admin, target);
                JsonNode checked = admin.post("/api/cert/alerts/expiry/check", "application/json", new byte[0])
                        .expect(200)
                        .json();
                assertThat(checked.path("alerted_certificate_ids").toString())
                        .doesNotContain(String.valueOf(certificateId));
                assertThat(viewer.get("/api/cert/bindings?certificate_id=" + certificateId)
                                .expect(200)
                                .json()
                                .path("count")
                                .asInt())
                        .as("the same binding confirmed")
                        .isEqualTo(1);
                return checked;
            });
            String subject = step("11. the mail transaction log (through the gateway) shows the alert sent", () -> {
                return sentMessage(
                                admin,
                                recipient,
                                item -> item.path("subject").asText().contains(www))
                        .path("subject")
                        .asText();
            });
            step("11. the SMTP sink holds exactly one alert for the certificate, also after a quiet period", () -> {
                Http.Caller sink = http.caller(
                        "http://" + settings.get("SMTP_HOST") + ":" + settings.get("SMTP_API_PORT"), null, null);
                List<JsonNode> events = certEvents.collectFor(QUIET_WINDOW);
                assertThat(events)
                        .as("a second expiry event")
                        .noneMatch(e -> isEvent(e, "cert.certificate.expiring", certificateId));
                List<String> alerts = new ArrayList<>();
                sink.get("/api/user/" + Http.encode(recipient) + "/messages/INBOX")
                        .expect(200)
                        .json()
                        .forEach(message -> {
                            if (message.path("subject").asText().contains(www)) {
                                alerts.add(message.path("subject").asText());
                            }
                        });
                assertThat(alerts).containsExactly(subject);
                return subject;
            });
        }
    }

    /** Starts a scan run of one target and waits until it is completed; returns its id. */
    private long scanRun(Http.Caller caller, long target) throws Exception {
        JsonNode started = caller.postJson("/api/cert/scan-runs", Map.of("target_ids", List.of(target)))
                .expect(202)
                .json();
        long id = started.path("id").asLong();
        long deadline = System.nanoTime() + EVENT_TIMEOUT.toNanos();
        while (true) {
            JsonNode run = caller.get("/api/cert/scan-runs/" + id).expect(200).json();
            if (run.path("status").asText().equals("completed")) {
                assertThat(run.path("succeeded_count").asInt())
                        .as("run %s", run)
                        .isEqualTo(1);
                assertThat(run.path("failed_count").asInt()).as("run %s", run).isZero();
                return id;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("scan run not completed within " + EVENT_TIMEOUT + ": " + run);
            }
            Thread.sleep(250);
        }
    }

    /**
     * Polls the mail transaction log through the gateway until a message to {@code recipient} that
     * {@code wanted} accepts has the status {@code sent}, for up to {@link #EVENT_TIMEOUT}.
     *
     * @return that message, as the log lists it
     * @throws AssertionError with the last page read when none is sent in time
     */
    private static JsonNode sentMessage(Http.Caller admin, String recipient, Predicate<JsonNode> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + EVENT_TIMEOUT.toNanos();
        while (true) {
            JsonNode page = admin.get("/api/mail/messages?recipient=" + Http.encode(recipient) + "&limit=1000")
                    .expect(200)
                    .json();
            for (JsonNode item : page.path("results")) {
                if (item.path("status").asText().equals("sent") && wanted.test(item)) {
                    return item;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no sent message to " + recipient + " in the transaction log: " + page);
            }
            Thread.sleep(500);
        }
    }

    private long placedServer(Http.Caller editor, long site, long rack, String hostname, int position) {
        long id = editor.postJson(
                        "/api/inventory/assets",
                        Map.of("model_id", serverModelId, "status", "active", "hostname", hostname, "site_id", site))
                .expect(201)
                .json()
                .path("id")
                .asLong();
        editor.postJson(
                        "/api/inventory/assets/" + id + "/placement",
                        Map.of("rack_id", rack, "position", position, "face", "front"))
                .expect(200);
        return id;
    }

    private static long created(Http.Reply reply) {
        return reply.expect(201).json().path("id").asLong();
    }

    private static boolean isEvent(JsonNode event, String type, long subject) {
        return event.path("type").asText().equals(type)
                && event.path("subject").asText().equals(String.valueOf(subject));
    }

    private static boolean isMoveTo(JsonNode event, long asset, int position) {
        return event.path("type").asText().equals("inventory.asset.moved")
                && event.path("subject").asText().equals(String.valueOf(asset))
                && event.path("data").path("entity").path("position").asDouble() == position;
    }

    private static Set<String> subjects(List<JsonNode> events, String type) {
        Set<String> subjects = new HashSet<>();
        events.stream()
                .filter(e -> e.path("type").asText().equals(type))
                .forEach(e -> subjects.add(e.path("subject").asText()));
        return subjects;
    }

    private Http.Caller apiKey(Http.Caller admin, String name, String scope) {
        JsonNode created = admin.postJson("/api/gateway/api-keys", Map.of("name", name, "scopes", List.of(scope)))
                .expect(201)
                .json();
        String secret = created.path("secret").asText();
        assertThat(secret).startsWith("isk_");
        assertThat(created.path("api_key").path("scopes").toString()).contains(scope);
        return http.caller(settings.gatewayUrl(), "X-API-Key", secret);
    }

    private Http.Caller bearer(String token) {
        return http.caller(settings.gatewayUrl(), "Authorization", "Bearer " + token);
    }

    private String editorToken() {
        return keycloak.passwordGrant(
                settings.get("INFRA_DEV_CLIENT_ID"), "dev-editor", settings.get("DEV_EDITOR_PASSWORD"));
    }

    /** A token of the default admin, with the password scenario 1 gave it. */
    private String adminToken() {
        return keycloak.browserLogin(DEFAULT_ADMIN, adminPassword, null).accessToken();
    }

    private String viewerToken() {
        return keycloak.passwordGrant(
                settings.get("INFRA_DEV_CLIENT_ID"), "dev-viewer", settings.get("DEV_VIEWER_PASSWORD"));
    }

    /** The realm roles of an access token (its payload is read, not verified: the gateway verifies). */
    private static Set<String> roles(String jwt) throws Exception {
        JsonNode payload = Http.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        Set<String> roles = new HashSet<>();
        payload.path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
        return roles;
    }
}
