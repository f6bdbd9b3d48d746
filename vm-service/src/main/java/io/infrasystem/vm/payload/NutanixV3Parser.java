package io.infrasystem.vm.payload;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrasystem.vm.facts.VmFacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Nutanix Prism Central API v3 (api_version 3.1): the {@code POST /api/nutanix/v3/vms/list}
 * response ({@code entities[]}), one VM intent ({@code GET /vms/{uuid}}: {@code metadata.kind = vm}
 * with {@code spec}/{@code status}), or a Prism webhook event whose {@code data.metadata} is such an
 * intent. Facts come from {@code status.resources} (what the VM is), falling back to
 * {@code spec.resources} (what was asked); vCPUs = {@code num_sockets × num_vcpus_per_socket ×
 * num_threads_per_core}; disks are {@code disk_list} items whose {@code device_type} is not
 * {@code CDROM}, sized from {@code disk_size_bytes} (else {@code disk_size_mib}).
 */
final class NutanixV3Parser {

    private NutanixV3Parser() {}

    static boolean accepts(JsonNode root) {
        return root.isObject() && (root.path("entities").isArray() || isWebhook(root) || isIntent(root));
    }

    static boolean isWebhook(JsonNode root) {
        return root.has("entity_reference") && isIntent(root.path("data").path("metadata"));
    }

    private static boolean isIntent(JsonNode node) {
        return node.isObject()
                && "vm".equals(PayloadContext.text(node.path("metadata"), "kind"))
                && (node.has("status") || node.has("spec"));
    }

    static List<VmFacts> parse(JsonNode root, PayloadContext ctx) {
        if (root.path("entities").isArray()) {
            return PayloadContext.each(root.path("entities"), "entities", (vm, path) -> vm(vm, path, ctx));
        }
        return isWebhook(root)
                ? List.of(vm(root.path("data").path("metadata"), "data.metadata", ctx))
                : List.of(vm(root, "$", ctx));
    }

    static VmFacts vm(JsonNode entity, String path, PayloadContext ctx) {
        JsonNode metadata = entity.path("metadata");
        JsonNode status = entity.path("status");
        JsonNode spec = entity.path("spec");
        JsonNode res = status.path("resources").isObject() ? status.path("resources") : spec.path("resources");
        String resPath = path + (status.path("resources").isObject() ? ".status.resources" : ".spec.resources");
        String uuid = PayloadContext.text(metadata, "uuid");
        String name = PayloadContext.text(status, "name") != null
                ? PayloadContext.text(status, "name")
                : PayloadContext.text(spec, "name");
        JsonNode cluster = status.path("cluster_reference").isObject()
                ? status.path("cluster_reference")
                : spec.path("cluster_reference");
        JsonNode host = res.path("host_reference");

        Integer sockets = ctx.intCount(res, "num_sockets", resPath);
        Integer perSocket = ctx.intCount(res, "num_vcpus_per_socket", resPath);
        Integer threads = ctx.intCount(res, "num_threads_per_core", resPath);
        Integer vcpus = PayloadContext.vcpus(sockets, perSocket, threads);
        Long memory = ctx.count(res, "memory_size_mib", resPath);

        List<VmFacts.Disk> disks = new ArrayList<>();
        int d = 0;
        for (JsonNode disk : res.path("disk_list")) {
            String diskPath = resPath + ".disk_list[" + d++ + "]";
            JsonNode props = disk.path("device_properties");
            if ("CDROM".equalsIgnoreCase(PayloadContext.text(props, "device_type"))) {
                continue;
            }
            Long bytes = ctx.count(disk, "disk_size_bytes", diskPath);
            Long mib = ctx.count(disk, "disk_size_mib", diskPath);
            JsonNode address = props.path("disk_address");
            String adapter = PayloadContext.text(address, "adapter_type");
            String label = adapter == null ? null : adapter + "." + PayloadContext.text(address, "device_index");
            disks.add(new VmFacts.Disk(
                    PayloadContext.text(disk, "uuid"),
                    label,
                    bytes != null
                            ? PayloadContext.bytesToGib(bytes)
                            : mib != null ? PayloadContext.mibToGib(mib) : null,
                    PayloadContext.text(disk.path("storage_config").path("storage_container_reference"), "uuid"),
                    adapter));
        }

        List<VmFacts.Nic> nics = new ArrayList<>();
        for (JsonNode nic : res.path("nic_list")) {
            Map<String, VmFacts.Ip> ips = new LinkedHashMap<>();
            for (JsonNode endpoint : nic.path("ip_endpoint_list")) {
                String ip = PayloadContext.text(endpoint, "ip");
                if (ip != null) {
                    ips.putIfAbsent(ip, new VmFacts.Ip(ip, PayloadContext.text(endpoint, "type")));
                }
            }
            JsonNode subnet = nic.path("subnet_reference");
            nics.add(new VmFacts.Nic(
                    PayloadContext.text(nic, "uuid"),
                    PayloadContext.mac(PayloadContext.text(nic, "mac_address")),
                    PayloadContext.text(subnet, "uuid"),
                    PayloadContext.text(subnet, "name"),
                    PayloadContext.bool(nic, "is_connected"),
                    null,
                    PayloadContext.text(nic, "vlan_mode"),
                    List.copyOf(ips.values())));
        }
        return new VmFacts(
                uuid,
                name,
                null,
                PayloadContext.powerState(PayloadContext.text(res, "power_state")),
                PayloadContext.text(res, "hypervisor_type"),
                PayloadContext.text(cluster, "name"),
                PayloadContext.text(host, "name") != null
                        ? PayloadContext.text(host, "name")
                        : PayloadContext.text(host, "uuid"),
                null,
                null,
                null,
                vcpus,
                sockets,
                perSocket,
                memory,
                ctx.time(metadata, "creation_time", path + ".metadata"),
                ctx.time(metadata, "last_update_time", path + ".metadata"),
                nics,
                disks,
                entity);
    }
}
