package io.infrasystem.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The payloads that the n8n workflows post, built from the project's own copies of third-party
 * samples in {@code vm-service/src/test/resources/fixtures} (sources and licences in its
 * SOURCES.md), and what the suite must show for each VM, read from the same JSON independently of
 * vm-service's parsers:
 * <ul>
 * <li>vSphere Automation API (vSphere 8) {@code GET /api/vcenter/vm/{vm}} details of vm-22, vm-23,
 *     vm-43 and vm-44 with their {@code /guest/identity}, in the envelope the vCenter workflow posts;</li>
 * <li>a Prism Central v3 (API 3.1) {@code POST /vms/list} response around the VM record of the Prism
 *     webhook sample (MIT);</li>
 * <li>the Prism Central v4 {@code GET /api/vmm/v4.0/ahv/config/vms} response (26 VMs), split into two
 *     chunks of one sync run.</li>
 * </ul>
 */
final class VmPayloads {

    static final List<String> VSPHERE_VMS = List.of("22", "23", "43", "44");
    private static final double GIB = 1024d * 1024 * 1024;

    private final Path fixtures;

    VmPayloads(Path repoRoot) {
        this.fixtures = repoRoot.resolve("vm-service/src/test/resources/fixtures");
    }

    /** What the suite must show of one VM. Memory in MiB, disk total in GiB. */
    record ExpectedVm(
            String source,
            String uuid,
            String name,
            int vcpus,
            long memoryMb,
            int disks,
            double diskGb,
            Set<String> ips) {}

    JsonNode read(String relative) {
        try {
            return Http.JSON.readTree(fixtures.resolve(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param ids the vm ids of the set (of {@link #VSPHERE_VMS})
     * @param poweredOff the vm id reported as {@code POWERED_OFF}, or null
     * @return {@code {"vms": [{"vm", "detail", "guest_identity", "cluster"}, …]}}
     */
    ObjectNode vsphereSet(List<String> ids, String poweredOff) {
        ObjectNode root = Http.JSON.createObjectNode();
        ArrayNode vms = root.putArray("vms");
        for (String id : ids) {
            ObjectNode detail = (ObjectNode) read("vmware/api_vcenter_vm_vm-" + id + ".json");
            if (id.equals(poweredOff)) {
                detail.put("power_state", "POWERED_OFF");
            }
            vms.addObject()
                    .put("vm", "vm-" + id)
                    .put("cluster", "Cluster-1")
                    .<ObjectNode>set("detail", detail)
                    .set("guest_identity", read("vmware/api_vcenter_vm_vm-" + id + "_guest_identity.json"));
        }
        return root;
    }

    /** @return a v3 {@code vms/list} response whose one entity is the webhook sample's VM */
    ObjectNode nutanixV3List() {
        JsonNode webhook = read("nutanix/v3_webhook_vm_event_payload_prism.json");
        ObjectNode list = Http.JSON.createObjectNode().put("api_version", "3.1");
        list.putObject("metadata")
                .put("kind", "vm")
                .put("total_matches", 1)
                .put("length", 1)
                .put("offset", 0);
        ObjectNode entity = list.putArray("entities").addObject();
        entity.putObject("metadata")
                .put("kind", "vm")
                .put("uuid", webhook.path("entity_reference").path("uuid").asText());
        entity.set("spec", webhook.path("data").path("metadata").path("spec"));
        entity.set("status", webhook.path("data").path("metadata").path("status"));
        return list;
    }

    /** @return the v4 list split into two responses of the same shape (first half, second half) */
    List<ObjectNode> nutanixV4Chunks() {
        ObjectNode whole = (ObjectNode) read("nutanix/v4_vmm_ahv_config_vms_list.json");
        ArrayNode data = (ArrayNode) whole.path("data");
        int half = data.size() / 2;
        List<ObjectNode> chunks = new ArrayList<>();
        for (int[] range : new int[][] {{0, half}, {half, data.size()}}) {
            ObjectNode chunk = whole.deepCopy();
            ArrayNode part = chunk.putArray("data");
            for (int i = range[0]; i < range[1]; i++) {
                part.add(data.get(i));
            }
            chunks.add(chunk);
        }
        return chunks;
    }

    List<ExpectedVm> expectedVsphere(String source, ObjectNode set) {
        List<ExpectedVm> vms = new ArrayList<>();
        for (JsonNode item : set.path("vms")) {
            JsonNode detail = item.path("detail");
            int disks = 0;
            double bytes = 0;
            for (JsonNode disk : detail.path("disks")) {
                disks++;
                bytes += disk.path("capacity").asDouble();
            }
            Set<String> ips = new TreeSet<>();
            String guestIp = item.path("guest_identity").path("ip_address").asText("");
            if (!guestIp.isEmpty()) {
                ips.add(guestIp);
            }
            vms.add(new ExpectedVm(
                    source,
                    detail.path("identity").path("instance_uuid").asText(),
                    detail.path("identity").path("name").asText(),
                    detail.path("cpu").path("count").asInt(),
                    detail.path("memory").path("size_MiB").asLong(),
                    disks,
                    bytes / GIB,
                    ips));
        }
        return vms;
    }

    List<ExpectedVm> expectedNutanixV3(String source, ObjectNode list) {
        List<ExpectedVm> vms = new ArrayList<>();
        for (JsonNode entity : list.path("entities")) {
            JsonNode resources = entity.path("status").path("resources");
            int disks = 0;
            double bytes = 0;
            for (JsonNode disk : resources.path("disk_list")) {
                if (!"CDROM"
                        .equals(disk.path("device_properties")
                                .path("device_type")
                                .asText())) {
                    disks++;
                    bytes += disk.path("disk_size_bytes").asDouble();
                }
            }
            Set<String> ips = new TreeSet<>();
            for (JsonNode nic : resources.path("nic_list")) {
                nic.path("ip_endpoint_list").forEach(ip -> ips.add(ip.path("ip").asText()));
            }
            int vcpus = resources.path("num_sockets").asInt()
                    * resources.path("num_vcpus_per_socket").asInt()
                    * resources.path("num_threads_per_core").asInt(1);
            vms.add(new ExpectedVm(
                    source,
                    entity.path("metadata").path("uuid").asText(),
                    entity.path("status").path("name").asText(),
                    vcpus,
                    resources.path("memory_size_mib").asLong(),
                    disks,
                    bytes / GIB,
                    ips));
        }
        return vms;
    }

    List<ExpectedVm> expectedNutanixV4(String source, List<ObjectNode> chunks) {
        List<ExpectedVm> vms = new ArrayList<>();
        for (ObjectNode chunk : chunks) {
            for (JsonNode vm : chunk.path("data")) {
                int disks = 0;
                double bytes = 0;
                for (JsonNode disk : vm.path("disks")) {
                    disks++;
                    bytes += disk.path("backingInfo").path("diskSizeBytes").asDouble();
                }
                Set<String> ips = new TreeSet<>();
                for (JsonNode nic : vm.path("nics")) {
                    JsonNode info = nic.path("networkInfo");
                    String configured = info.path("ipv4Config")
                            .path("ipAddress")
                            .path("value")
                            .asText("");
                    if (!configured.isEmpty()) {
                        ips.add(configured);
                    }
                    info.path("ipv4Info")
                            .path("learnedIpAddresses")
                            .forEach(ip -> ips.add(ip.path("value").asText()));
                }
                int vcpus = vm.path("numSockets").asInt()
                        * vm.path("numCoresPerSocket").asInt(1)
                        * vm.path("numThreadsPerCore").asInt(1);
                vms.add(new ExpectedVm(
                        source,
                        vm.path("extId").asText(),
                        vm.path("name").asText(),
                        vcpus,
                        vm.path("memorySizeBytes").asLong() / (1024 * 1024),
                        disks,
                        bytes / GIB,
                        ips));
            }
        }
        return vms;
    }
}
