package io.infrasystem.vm.payload;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrasystem.vm.facts.VmFacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * vSphere Automation API (vSphere 7/8): {@code GET /api/vcenter/vm/{vm}} detail objects, and the
 * older {@code GET /rest/vcenter/vm/{vm}} shape (vSphere 6.5–7) that wraps everything in
 * {@code {"value": …}} and writes keyed maps as {@code [{"key": …, "value": …}]} arrays.
 *
 * <p>A payload is one detail, an array of items, or {@code {"vms": [items]}}. An item is a bare
 * detail or an envelope that n8n assembles per VM:
 * <pre>{"vm": "vm-22", "detail": {…}, "guest_identity": {…}, "guest_interfaces": […],
 *  "host": "esx-01" | {"host": "host-14", "name": "esx-01"}, "cluster": "Cluster-1" | {"cluster": …, "name": …}}</pre>
 * {@code guest_identity} is {@code /guest/identity} and {@code guest_interfaces} is
 * {@code /guest/networking/interfaces} (either may be value-wrapped). Identity is
 * {@code identity.instance_uuid} (else the {@code vm} id); memory is {@code memory.size_MiB};
 * disk {@code capacity} is in bytes; vCPUs are {@code cpu.count}, sockets {@code count / cores_per_socket}.
 * Without {@code guest_interfaces}, the guest's primary {@code ip_address} is put on the first NIC.
 */
final class VsphereParser {

    private VsphereParser() {}

    static boolean accepts(JsonNode root) {
        if (root.isArray()) {
            return root.size() > 0 && allItems(root);
        }
        if (root.isObject() && root.path("vms").isArray()) {
            return allItems(root.path("vms"));
        }
        return isItem(root);
    }

    private static boolean allItems(JsonNode array) {
        for (JsonNode item : array) {
            if (!isItem(item)) {
                return false;
            }
        }
        return true;
    }

    static boolean isItem(JsonNode node) {
        return node.isObject() && (isDetail(node) || isDetail(node.path("detail")));
    }

    private static boolean isDetail(JsonNode node) {
        JsonNode detail = unwrap(node);
        return detail.isObject() && (detail.has("identity") || (detail.has("guest_OS") && detail.has("cpu")));
    }

    private static JsonNode unwrap(JsonNode node) {
        return node != null && node.isObject() && node.size() == 1 && node.has("value") ? node.get("value") : node;
    }

    static List<VmFacts> parse(JsonNode root, PayloadContext ctx) {
        if (root.isArray()) {
            return PayloadContext.each(root, "$", (item, path) -> item(item, path, ctx));
        }
        if (root.path("vms").isArray()) {
            return PayloadContext.each(root.path("vms"), "vms", (item, path) -> item(item, path, ctx));
        }
        return List.of(item(root, "$", ctx));
    }

    static VmFacts item(JsonNode item, String path, PayloadContext ctx) {
        boolean envelope = item.has("detail");
        JsonNode detail = unwrap(envelope ? item.get("detail") : item);
        String detailPath = envelope ? path + ".detail" : path;
        JsonNode guest = envelope ? unwrap(item.path("guest_identity")) : null;
        JsonNode interfaces = envelope ? unwrap(item.path("guest_interfaces")) : null;

        JsonNode identity = detail.path("identity");
        String uuid = PayloadContext.text(identity, "instance_uuid");
        if (uuid == null && envelope) {
            uuid = PayloadContext.text(item, "vm");
        }
        String name = PayloadContext.text(detail, "name") != null
                ? PayloadContext.text(detail, "name")
                : PayloadContext.text(identity, "name");

        JsonNode cpu = detail.path("cpu");
        Integer vcpus = ctx.intCount(cpu, "count", detailPath + ".cpu");
        Integer coresPerSocket = ctx.intCount(cpu, "cores_per_socket", detailPath + ".cpu");
        Integer sockets = vcpus == null
                ? null
                : coresPerSocket == null || coresPerSocket == 0 ? vcpus : Math.max(1, vcpus / coresPerSocket);
        Long memory = ctx.count(detail.path("memory"), "size_MiB", detailPath + ".memory");

        List<VmFacts.Disk> disks = new ArrayList<>();
        for (Map.Entry<String, JsonNode> disk : keyed(detail.path("disks")).entrySet()) {
            JsonNode value = disk.getValue();
            Long bytes = ctx.count(value, "capacity", detailPath + ".disks." + disk.getKey());
            JsonNode backing = value.path("backing");
            disks.add(new VmFacts.Disk(
                    disk.getKey(),
                    PayloadContext.text(value, "label"),
                    bytes == null ? null : PayloadContext.bytesToGib(bytes),
                    datastore(PayloadContext.text(backing, "vmdk_file")),
                    PayloadContext.text(backing, "type")));
        }

        Map<String, List<VmFacts.Ip>> ipsByKey = guestIps(interfaces);
        List<VmFacts.Nic> nics = new ArrayList<>();
        for (Map.Entry<String, JsonNode> nic : keyed(detail.path("nics")).entrySet()) {
            JsonNode value = nic.getValue();
            JsonNode backing = value.path("backing");
            String mac = PayloadContext.mac(PayloadContext.text(value, "mac_address"));
            List<VmFacts.Ip> ips = ipsByKey.getOrDefault(nic.getKey(), ipsByKey.getOrDefault(mac, List.of()));
            String state = PayloadContext.text(value, "state");
            nics.add(new VmFacts.Nic(
                    nic.getKey(),
                    mac,
                    PayloadContext.text(backing, "network"),
                    PayloadContext.text(backing, "network_name"),
                    state == null ? null : "CONNECTED".equals(state),
                    state,
                    null,
                    ips));
        }
        String primaryIp = PayloadContext.text(guest, "ip_address");
        if (ipsByKey.isEmpty() && primaryIp != null && !nics.isEmpty()) {
            nics.set(0, nics.get(0).withIps(List.of(new VmFacts.Ip(primaryIp, "GUEST_PRIMARY"))));
        }

        String guestOs = PayloadContext.text(detail, "guest_OS");
        String fullName = PayloadContext.text(PayloadContext.obj(guest, "full_name"), "default_message");
        String osType = fullName != null ? fullName : guestOs;
        return new VmFacts(
                uuid,
                name,
                PayloadContext.text(identity, "bios_uuid"),
                PayloadContext.powerState(PayloadContext.text(detail, "power_state")),
                "ESXi",
                envelope ? nameOf(item.path("cluster"), "cluster") : null,
                envelope ? nameOf(item.path("host"), "host") : null,
                PayloadContext.text(guest, "host_name"),
                osType,
                PayloadContext.osFamily(guestOs != null ? guestOs : osType, PayloadContext.text(guest, "family")),
                vcpus,
                sockets,
                coresPerSocket,
                memory,
                null,
                null,
                nics,
                disks,
                item);
    }

    /** @return entries of a keyed map, whether an object ({@code /api}) or a key/value array ({@code /rest}) */
    private static Map<String, JsonNode> keyed(JsonNode node) {
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        if (node.isObject()) {
            node.properties().forEach(e -> entries.put(e.getKey(), e.getValue()));
        } else if (node.isArray()) {
            for (JsonNode entry : node) {
                entries.put(PayloadContext.text(entry, "key"), entry.path("value"));
            }
        }
        return entries;
    }

    /** @return IPs of {@code /guest/networking/interfaces}, by NIC device key and by MAC */
    private static Map<String, List<VmFacts.Ip>> guestIps(JsonNode interfaces) {
        Map<String, List<VmFacts.Ip>> byKey = new LinkedHashMap<>();
        if (interfaces == null || !interfaces.isArray()) {
            return byKey;
        }
        for (JsonNode iface : interfaces) {
            Map<String, VmFacts.Ip> ips = new LinkedHashMap<>();
            for (JsonNode address : iface.path("ip").path("ip_addresses")) {
                String ip = PayloadContext.text(address, "ip_address");
                if (ip != null) {
                    ips.putIfAbsent(ip, new VmFacts.Ip(ip, "GUEST"));
                }
            }
            List<VmFacts.Ip> list = List.copyOf(ips.values());
            String key = PayloadContext.text(iface, "nic");
            if (key != null) {
                byKey.put(key, list);
            }
            String mac = PayloadContext.mac(PayloadContext.text(iface, "mac_address"));
            if (mac != null) {
                byKey.put(mac, list);
            }
        }
        return byKey;
    }

    private static String nameOf(JsonNode node, String idField) {
        if (node.isTextual()) {
            return node.asText().isBlank() ? null : node.asText();
        }
        String name = PayloadContext.text(node, "name");
        return name != null ? name : PayloadContext.text(node, idField);
    }

    /** @return the datastore of a vmdk path such as {@code [vsanDatastore] folder/disk.vmdk} */
    private static String datastore(String vmdk) {
        if (vmdk == null || !vmdk.startsWith("[") || vmdk.indexOf(']') < 0) {
            return null;
        }
        return vmdk.substring(1, vmdk.indexOf(']'));
    }
}
