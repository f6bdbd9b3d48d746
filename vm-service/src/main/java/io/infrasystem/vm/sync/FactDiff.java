package io.infrasystem.vm.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.infrasystem.commons.audit.FieldChange;
import io.infrasystem.vm.facts.VmFacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Field-by-field comparison of two {@link VmFacts}, as written to {@code vm_change_history}: scalar
 * fields by their column name; each disk as {@code disks[<id>]} (label, size in GiB, storage);
 * each NIC as {@code nics[<id>].mac_address}, {@code .network}, {@code .connected}; and the VM's
 * IP addresses as one field {@code ip_addresses}. Disks and NICs are matched by platform id, then
 * by position. The same fields are the {@code changes} of the VM's audit entry and event, so that
 * the history and the audit log never disagree.
 */
public final class FactDiff {

    /**
     * One changed field.
     *
     * @param field field name as above
     * @param oldValue value before, as text, or null
     * @param newValue value after, as text, or null
     */
    public record FieldDiff(String field, String oldValue, String newValue) {

        /** @return the field as the audit entry and the event carry it (text values, or JSON null) */
        public FieldChange audited() {
            return new FieldChange(field, json(oldValue), json(newValue));
        }

        private static JsonNode json(String value) {
            return value == null ? NullNode.getInstance() : TextNode.valueOf(value);
        }
    }

    private FactDiff() {}

    /** @return the changed fields, empty when equal */
    public static List<FieldDiff> diff(VmFacts a, VmFacts b) {
        List<FieldDiff> out = new ArrayList<>();
        scalar(out, "vm_name", a.name(), b.name());
        scalar(out, "bios_uuid", a.biosUuid(), b.biosUuid());
        scalar(out, "power_state", a.powerState(), b.powerState());
        scalar(out, "hypervisor_type", a.hypervisorType(), b.hypervisorType());
        scalar(out, "cluster_name", a.clusterName(), b.clusterName());
        scalar(out, "host_identifier", a.hostIdentifier(), b.hostIdentifier());
        scalar(out, "hostname", a.hostname(), b.hostname());
        scalar(out, "os_type", a.osType(), b.osType());
        scalar(out, "os_family", a.osFamily(), b.osFamily());
        scalar(out, "total_vcpus", a.totalVcpus(), b.totalVcpus());
        scalar(out, "num_sockets", a.numSockets(), b.numSockets());
        scalar(out, "cores_per_socket", a.coresPerSocket(), b.coresPerSocket());
        scalar(out, "memory_mb", a.memoryMb(), b.memoryMb());
        scalar(out, "total_disks", a.totalDisks(), b.totalDisks());
        scalar(out, "total_disk_gb", a.totalDiskGb(), b.totalDiskGb());
        scalar(out, "total_nics", a.totalNics(), b.totalNics());
        scalar(out, "creation_date", a.creationDate(), b.creationDate());

        Map<String, VmFacts.Disk> oldDisks = disks(a.disks());
        Map<String, VmFacts.Disk> newDisks = disks(b.disks());
        for (String key : union(oldDisks.keySet(), newDisks.keySet())) {
            scalar(out, "disks[" + key + "]", describe(oldDisks.get(key)), describe(newDisks.get(key)));
        }
        Map<String, VmFacts.Nic> oldNics = nics(a.nics());
        Map<String, VmFacts.Nic> newNics = nics(b.nics());
        for (String key : union(oldNics.keySet(), newNics.keySet())) {
            VmFacts.Nic o = oldNics.get(key);
            VmFacts.Nic n = newNics.get(key);
            scalar(
                    out,
                    "nics[" + key + "].mac_address",
                    o == null ? null : o.macAddress(),
                    n == null ? null : n.macAddress());
            scalar(out, "nics[" + key + "].network", o == null ? null : network(o), n == null ? null : network(n));
            scalar(
                    out,
                    "nics[" + key + "].connected",
                    o == null ? null : o.connected(),
                    n == null ? null : n.connected());
        }
        scalar(out, "ip_addresses", String.join(", ", a.ipAddresses()), String.join(", ", b.ipAddresses()));
        return out;
    }

    private static void scalar(List<FieldDiff> out, String field, Object a, Object b) {
        String x = a == null ? null : a.toString();
        String y = b == null ? null : b.toString();
        if (x != null && x.isEmpty()) {
            x = null;
        }
        if (y != null && y.isEmpty()) {
            y = null;
        }
        if (!Objects.equals(x, y)) {
            out.add(new FieldDiff(field, x, y));
        }
    }

    private static Map<String, VmFacts.Disk> disks(List<VmFacts.Disk> disks) {
        Map<String, VmFacts.Disk> map = new LinkedHashMap<>();
        for (int i = 0; i < disks.size(); i++) {
            VmFacts.Disk d = disks.get(i);
            map.put(d.diskUuid() != null ? d.diskUuid() : "#" + i, d);
        }
        return map;
    }

    private static Map<String, VmFacts.Nic> nics(List<VmFacts.Nic> nics) {
        Map<String, VmFacts.Nic> map = new LinkedHashMap<>();
        for (int i = 0; i < nics.size(); i++) {
            VmFacts.Nic n = nics.get(i);
            map.put(n.nicUuid() != null ? n.nicUuid() : n.macAddress() != null ? n.macAddress() : "#" + i, n);
        }
        return map;
    }

    private static List<String> union(Set<String> a, Set<String> b) {
        List<String> keys = new ArrayList<>(a);
        for (String k : b) {
            if (!a.contains(k)) {
                keys.add(k);
            }
        }
        return keys;
    }

    private static String describe(VmFacts.Disk d) {
        if (d == null) {
            return null;
        }
        return (d.label() == null ? "" : d.label() + ", ") + d.sizeGb() + " GiB"
                + (d.storageName() == null ? "" : ", " + d.storageName());
    }

    private static String network(VmFacts.Nic n) {
        return n.networkName() != null ? n.networkName() : n.networkId();
    }
}
