package io.infrasystem.vm.payload;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrasystem.vm.facts.VmFacts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Our own format for sources that are neither Nutanix nor vSphere ({@code "format": "infra-vm/v1"}),
 * documented in {@code docs/services/vm-service.md}. Field names and units are ours: memory in
 * MiB ({@code memory_mb}), disks in GiB ({@code size_gb}), ISO-8601 times.
 */
final class NormalizedParser {

    /** The value of {@code format} that marks this shape. */
    static final String FORMAT = "infra-vm/v1";

    private NormalizedParser() {}

    static boolean accepts(JsonNode root) {
        return root.isObject() && FORMAT.equals(PayloadContext.text(root, "format"));
    }

    static List<VmFacts> parse(JsonNode root, PayloadContext ctx) {
        if (!root.path("vms").isArray()) {
            ctx.error("vms", "must be an array of VMs");
            return List.of();
        }
        return PayloadContext.each(root.path("vms"), "vms", (vm, path) -> vm(vm, path, ctx));
    }

    static VmFacts vm(JsonNode vm, String path, PayloadContext ctx) {
        List<VmFacts.Disk> disks = new ArrayList<>();
        int d = 0;
        for (JsonNode disk : vm.path("disks")) {
            String diskPath = path + ".disks[" + d++ + "]";
            BigDecimal size = null;
            JsonNode raw = disk.get("size_gb");
            if (raw != null && !raw.isNull()) {
                if (!raw.isNumber()) {
                    ctx.error(diskPath + ".size_gb", "must be a number");
                } else if (raw.decimalValue().signum() < 0) {
                    ctx.error(diskPath + ".size_gb", "must not be negative, was " + raw.asText());
                } else {
                    size = raw.decimalValue().setScale(2, RoundingMode.HALF_UP);
                }
            }
            disks.add(new VmFacts.Disk(
                    PayloadContext.text(disk, "id"),
                    PayloadContext.text(disk, "label"),
                    size,
                    PayloadContext.text(disk, "datastore"),
                    PayloadContext.text(disk, "type")));
        }
        List<VmFacts.Nic> nics = new ArrayList<>();
        for (JsonNode nic : vm.path("nics")) {
            Map<String, VmFacts.Ip> ips = new LinkedHashMap<>();
            for (JsonNode ip : nic.path("ips")) {
                if (ip.isTextual() && !ip.asText().isBlank()) {
                    ips.putIfAbsent(
                            ip.asText().strip(), new VmFacts.Ip(ip.asText().strip(), null));
                }
            }
            nics.add(new VmFacts.Nic(
                    PayloadContext.text(nic, "id"),
                    PayloadContext.mac(PayloadContext.text(nic, "mac_address")),
                    PayloadContext.text(nic, "network_id"),
                    PayloadContext.text(nic, "network_name"),
                    PayloadContext.bool(nic, "connected"),
                    null,
                    null,
                    List.copyOf(ips.values())));
        }
        String osType = PayloadContext.text(vm, "os_type");
        String family = PayloadContext.text(vm, "os_family");
        return new VmFacts(
                PayloadContext.text(vm, "vm_uuid"),
                PayloadContext.text(vm, "name"),
                PayloadContext.text(vm, "bios_uuid"),
                PayloadContext.powerState(PayloadContext.text(vm, "power_state")),
                PayloadContext.text(vm, "hypervisor_type"),
                PayloadContext.text(vm, "cluster"),
                PayloadContext.text(vm, "host"),
                PayloadContext.text(vm, "hostname"),
                osType,
                PayloadContext.osFamily(osType, family),
                ctx.intCount(vm, "vcpus", path),
                ctx.intCount(vm, "sockets", path),
                ctx.intCount(vm, "cores_per_socket", path),
                ctx.count(vm, "memory_mb", path),
                ctx.time(vm, "created_at", path),
                ctx.time(vm, "updated_at", path),
                nics,
                disks,
                vm);
    }
}
