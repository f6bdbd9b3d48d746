package io.infrasystem.vm.payload;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrasystem.vm.facts.VmFacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Nutanix Prism Central API v4 ({@code vmm} namespace, v4.0): {@code GET /api/vmm/v4.0/ahv/config/vms}
 * responses ({@code data[]} of {@code vmm.v4.ahv.config.Vm}). Recognised by {@code data[].extId},
 * never by {@code $objectType}, which the API writes only on the first item of an array.
 * vCPUs = {@code numSockets × numCoresPerSocket × numThreadsPerCore}; memory from
 * {@code memorySizeBytes}; disks from {@code disks[].backingInfo.diskSizeBytes} ({@code cdRoms[]}
 * are not disks); NIC IPs from {@code networkInfo.ipv4Config.ipAddress} (configured) and
 * {@code networkInfo.ipv4Info.learnedIpAddresses} (learned). The API names neither cluster nor
 * host, only their {@code extId}s, which are stored as given; {@code host} is absent for a
 * powered-off VM.
 */
final class NutanixV4Parser {

    private NutanixV4Parser() {}

    static boolean accepts(JsonNode root) {
        if (!root.isObject() || !root.path("data").isArray()) {
            return false;
        }
        for (JsonNode item : root.path("data")) {
            if (!item.has("extId")) {
                return false;
            }
        }
        return true;
    }

    static List<VmFacts> parse(JsonNode root, PayloadContext ctx) {
        return PayloadContext.each(root.path("data"), "data", (vm, path) -> vm(vm, path, ctx));
    }

    static VmFacts vm(JsonNode vm, String path, PayloadContext ctx) {
        Integer sockets = ctx.intCount(vm, "numSockets", path);
        Integer cores = ctx.intCount(vm, "numCoresPerSocket", path);
        Integer threads = ctx.intCount(vm, "numThreadsPerCore", path);
        Integer vcpus = PayloadContext.vcpus(sockets, cores, threads);
        Long memoryBytes = ctx.count(vm, "memorySizeBytes", path);

        List<VmFacts.Disk> disks = new ArrayList<>();
        int d = 0;
        for (JsonNode disk : vm.path("disks")) {
            String diskPath = path + ".disks[" + d++ + "]";
            JsonNode backing = disk.path("backingInfo");
            Long bytes = ctx.count(backing, "diskSizeBytes", diskPath + ".backingInfo");
            JsonNode address = disk.path("diskAddress");
            String bus = PayloadContext.text(address, "busType");
            disks.add(new VmFacts.Disk(
                    PayloadContext.text(disk, "extId"),
                    bus == null ? null : bus + "." + PayloadContext.text(address, "index"),
                    bytes == null ? null : PayloadContext.bytesToGib(bytes),
                    PayloadContext.text(backing.path("storageContainer"), "extId"),
                    bus));
        }

        List<VmFacts.Nic> nics = new ArrayList<>();
        for (JsonNode nic : vm.path("nics")) {
            JsonNode backing = nic.path("backingInfo");
            JsonNode network = nic.path("networkInfo");
            Map<String, VmFacts.Ip> ips = new LinkedHashMap<>();
            String configured = PayloadContext.text(network.path("ipv4Config").path("ipAddress"), "value");
            if (configured != null) {
                ips.put(configured, new VmFacts.Ip(configured, "CONFIGURED"));
            }
            for (JsonNode learned : network.path("ipv4Info").path("learnedIpAddresses")) {
                String ip = PayloadContext.text(learned, "value");
                if (ip != null) {
                    ips.putIfAbsent(ip, new VmFacts.Ip(ip, "LEARNED"));
                }
            }
            nics.add(new VmFacts.Nic(
                    PayloadContext.text(nic, "extId"),
                    PayloadContext.mac(PayloadContext.text(backing, "macAddress")),
                    PayloadContext.text(network.path("subnet"), "extId"),
                    null,
                    PayloadContext.bool(backing, "isConnected"),
                    null,
                    PayloadContext.text(network, "vlanMode"),
                    List.copyOf(ips.values())));
        }
        return new VmFacts(
                PayloadContext.text(vm, "extId"),
                PayloadContext.text(vm, "name"),
                PayloadContext.text(vm, "biosUuid"),
                PayloadContext.powerState(PayloadContext.text(vm, "powerState")),
                "AHV",
                PayloadContext.text(vm.path("cluster"), "extId"),
                PayloadContext.text(vm.path("host"), "extId"),
                null,
                null,
                null,
                vcpus,
                sockets,
                cores,
                memoryBytes == null ? null : PayloadContext.bytesToMib(memoryBytes),
                ctx.time(vm, "createTime", path),
                ctx.time(vm, "updateTime", path),
                nics,
                disks,
                vm);
    }
}
