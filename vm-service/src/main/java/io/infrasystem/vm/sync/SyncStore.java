package io.infrasystem.vm.sync;

import io.infrasystem.commons.persistence.Jdbc;
import io.infrasystem.commons.persistence.UtcTimes;
import io.infrasystem.vm.facts.Platform;
import io.infrasystem.vm.facts.VmFacts;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Plain-JDBC reads and batched writes of the sync path (PostgreSQL). Reads load a whole source
 * at once into memory; writes touch only rows that change, in JDBC batches.
 */
final class SyncStore {

    private final Jdbc jdbc;

    SyncStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises syncs of one platform and source (transaction-scoped advisory lock). */
    void lockSource(Platform platform, String source) throws SQLException {
        jdbc.one(
                "select pg_advisory_xact_lock(hashtext(?))",
                s -> s.setString(1, "vm-sync:" + platform.wire() + ":" + source),
                r -> true);
    }

    /** @return every VM of the platform and source, by uuid */
    Map<String, CurrentVm> loadSource(Platform platform, String source) throws SQLException {
        Map<String, CurrentVm> vms = new HashMap<>();
        for (CurrentVm vm : jdbc.list(
                """
                select v.id, v.vm_uuid, v.vm_name, v.bios_uuid, v.is_deleted, f.fingerprint
                from vm v left join vm_fact f on f.vm_id = v.id where v.platform = ? and v.source = ?""",
                s -> {
                    s.setString(1, platform.wire());
                    s.setString(2, source);
                    s.setFetchSize(5000);
                },
                r -> new CurrentVm(
                        r.getLong(1),
                        r.getString(2),
                        r.getString(3),
                        r.getString(4),
                        r.getBoolean(5),
                        r.getString(6)))) {
            vms.put(vm.vmUuid(), vm);
        }
        return vms;
    }

    /** @return the stored facts of the given VMs, by id */
    Map<Long, VmFacts> loadFacts(Collection<CurrentVm> vms) throws SQLException {
        Map<Long, VmFacts> facts = new HashMap<>();
        if (vms.isEmpty()) {
            return facts;
        }
        Map<Long, CurrentVm> byId = new HashMap<>();
        vms.forEach(v -> byId.put(v.id(), v));
        Jdbc.Binder anyId = anyOf(byId.keySet());
        Map<Long, List<VmFacts.Disk>> disks = grouped(jdbc.list(
                "select vm_id, disk_uuid, disk_label, size_gb, storage_name, backing_type from vm_disk_fact "
                        + "where vm_id = any(?) order by vm_id, position",
                anyId,
                r -> Map.entry(
                        r.getLong(1),
                        new VmFacts.Disk(
                                r.getString(2), r.getString(3), r.getBigDecimal(4), r.getString(5), r.getString(6)))));
        Map<Long, List<VmFacts.Ip>> ips = grouped(jdbc.list(
                "select i.nic_id, i.ip_address, i.ip_type from vm_nic_ip_fact i "
                        + "join vm_nic_fact n on n.id = i.nic_id where n.vm_id = any(?)",
                anyId,
                r -> Map.entry(r.getLong(1), new VmFacts.Ip(r.getString(2), r.getString(3)))));
        Map<Long, List<VmFacts.Nic>> nics = grouped(jdbc.list(
                "select vm_id, id, nic_uuid, mac_address, network_id, network_name, is_connected, state, vlan_mode "
                        + "from vm_nic_fact where vm_id = any(?) order by vm_id, position",
                anyId,
                r -> Map.entry(
                        r.getLong(1),
                        new VmFacts.Nic(
                                r.getString(3),
                                r.getString(4),
                                r.getString(5),
                                r.getString(6),
                                Jdbc.getBoolean(r, 7),
                                r.getString(8),
                                r.getString(9),
                                ips.getOrDefault(r.getLong(2), List.of())))));
        for (Map.Entry<Long, VmFacts> f : jdbc.list("""
                select vm_id, power_state, hypervisor_type, cluster_name, host_identifier, hostname, os_type, os_family,
                       total_vcpus, num_sockets, cores_per_socket, memory_mb, creation_date
                from vm_fact where vm_id = any(?)""", anyId, r -> {
            long id = r.getLong(1);
            CurrentVm vm = byId.get(id);
            return Map.entry(
                    id,
                    new VmFacts(
                            vm.vmUuid(),
                            vm.name(),
                            vm.biosUuid(),
                            r.getString(2),
                            r.getString(3),
                            r.getString(4),
                            r.getString(5),
                            r.getString(6),
                            r.getString(7),
                            r.getString(8),
                            Jdbc.getInteger(r, 9),
                            Jdbc.getInteger(r, 10),
                            Jdbc.getInteger(r, 11),
                            Jdbc.getLong(r, 12),
                            Jdbc.getInstant(r, 13),
                            null,
                            nics.getOrDefault(id, List.of()),
                            disks.getOrDefault(id, List.of()),
                            null));
        })) {
            facts.put(f.getKey(), f.getValue());
        }
        return facts;
    }

    /** @return the ids of VMs seen by the chunks of a run */
    Set<Long> seenInRun(long runId) throws SQLException {
        return new HashSet<>(jdbc.list(
                "select vm_id from vm_sync_run_seen where sync_run_id = ?",
                s -> s.setLong(1, runId),
                r -> r.getLong(1)));
    }

    void markSeen(long runId, Collection<Long> vmIds, Instant now) throws SQLException {
        LocalDateTime t = UtcTimes.toColumn(now);
        jdbc.batch(
                "insert into vm_sync_run_seen (sync_run_id, vm_id, created_at, updated_at) values (?, ?, ?, ?) "
                        + "on conflict do nothing",
                vmIds,
                (s, id) -> {
                    s.setLong(1, runId);
                    s.setLong(2, id);
                    s.setObject(3, t);
                    s.setObject(4, t);
                });
    }

    /** Inserts new VMs; @return their ids in the order given */
    List<Long> insertVms(Platform platform, String source, List<VmFacts> facts, long runId, Instant now)
            throws SQLException {
        LocalDateTime t = UtcTimes.toColumn(now);
        return jdbc.insertBatch("""
                insert into vm (platform, source, vm_uuid, vm_name, bios_uuid, is_deleted, first_seen_at, last_seen_at,
                                last_sync_run_id, version, created_at, updated_at)
                values (?, ?, ?, ?, ?, false, ?, ?, ?, 0, ?, ?)""", facts, (s, f) -> {
            s.setString(1, platform.wire());
            s.setString(2, source);
            s.setString(3, f.vmUuid());
            s.setString(4, f.name());
            s.setString(5, f.biosUuid());
            s.setObject(6, t);
            s.setObject(7, t);
            s.setLong(8, runId);
            s.setObject(9, t);
            s.setObject(10, t);
        });
    }

    /** Updates identity columns of changed or restored VMs and clears their deletion. */
    void updateVms(List<VmUpdate> updates, long runId, Instant now) throws SQLException {
        LocalDateTime t = UtcTimes.toColumn(now);
        jdbc.batch("""
                update vm set vm_uuid = ?, vm_name = ?, bios_uuid = ?, is_deleted = false, deleted_at = null,
                       deleted_by = null, delete_reason = null, last_seen_at = ?, last_sync_run_id = ?,
                       version = version + 1, updated_at = ?
                where id = ?""", updates, (s, u) -> {
            s.setString(1, u.vmUuid());
            s.setString(2, u.name());
            s.setString(3, u.biosUuid());
            s.setObject(4, t);
            s.setLong(5, runId);
            s.setObject(6, t);
            s.setLong(7, u.id());
        });
    }

    /** Identity columns of a VM row to update. */
    record VmUpdate(long id, String vmUuid, String name, String biosUuid) {}

    /** Soft-deletes VMs that a full sync did not see. */
    void softDelete(Collection<Long> ids, String reason, long runId, Instant now) throws SQLException {
        LocalDateTime t = UtcTimes.toColumn(now);
        jdbc.batch("""
                update vm set is_deleted = true, deleted_at = ?, deleted_by = 'sync', delete_reason = ?,
                       last_sync_run_id = ?, version = version + 1, updated_at = ? where id = ?""", ids, (s, id) -> {
            s.setObject(1, t);
            s.setString(2, reason);
            s.setLong(3, runId);
            s.setObject(4, t);
            s.setLong(5, id);
        });
    }

    /** Replaces the facts, NICs, IPs and disks of the given VMs ({@code created}: no previous facts). */
    void writeFacts(Map<Long, FactWrite> writes, boolean created, Instant now) throws SQLException {
        if (writes.isEmpty()) {
            return;
        }
        LocalDateTime t = UtcTimes.toColumn(now);
        if (!created) {
            Jdbc.Binder anyId = anyOf(writes.keySet());
            jdbc.update("delete from vm_nic_fact where vm_id = any(?)", anyId);
            jdbc.update("delete from vm_disk_fact where vm_id = any(?)", anyId);
        }
        String sql = created ? """
                insert into vm_fact (power_state, hypervisor_type, cluster_name, host_identifier, hostname, os_type,
                    os_family, total_vcpus, num_sockets, cores_per_socket, memory_mb, total_disks, total_disk_gb,
                    total_nics, creation_date, last_update_date, fact_updated_at, fingerprint, raw, updated_at,
                    vm_id, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""" : """
                update vm_fact set power_state = ?, hypervisor_type = ?, cluster_name = ?, host_identifier = ?,
                    hostname = ?, os_type = ?, os_family = ?, total_vcpus = ?, num_sockets = ?, cores_per_socket = ?,
                    memory_mb = ?, total_disks = ?, total_disk_gb = ?, total_nics = ?, creation_date = ?,
                    last_update_date = ?, fact_updated_at = ?, fingerprint = ?, raw = ?, updated_at = ?
                where vm_id = ?""";
        jdbc.batch(sql, writes.entrySet(), (s, e) -> {
            VmFacts f = e.getValue().facts();
            s.setString(1, f.powerState());
            s.setString(2, f.hypervisorType());
            s.setString(3, f.clusterName());
            s.setString(4, f.hostIdentifier());
            s.setString(5, f.hostname());
            s.setString(6, f.osType());
            s.setString(7, f.osFamily());
            Jdbc.setInteger(s, 8, f.totalVcpus());
            Jdbc.setInteger(s, 9, f.numSockets());
            Jdbc.setInteger(s, 10, f.coresPerSocket());
            Jdbc.setLong(s, 11, f.memoryMb());
            s.setInt(12, f.totalDisks());
            s.setBigDecimal(13, f.totalDiskGb());
            s.setInt(14, f.totalNics());
            Jdbc.setInstant(s, 15, f.creationDate());
            Jdbc.setInstant(s, 16, f.lastUpdateDate());
            s.setObject(17, t);
            s.setString(18, e.getValue().fingerprint());
            s.setString(19, e.getValue().rawJson());
            s.setObject(20, t);
            s.setLong(21, e.getKey());
            if (created) {
                s.setObject(22, t);
            }
        });
        List<Positioned<VmFacts.Nic>> nics = positioned(writes, VmFacts::nics);
        List<Long> nicIds = jdbc.insertBatch("""
                insert into vm_nic_fact (vm_id, position, nic_uuid, mac_address, network_id, network_name, is_connected,
                    state, vlan_mode, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", nics, (s, n) -> {
            s.setLong(1, n.vmId());
            s.setInt(2, n.position());
            s.setString(3, n.item().nicUuid());
            s.setString(4, n.item().macAddress());
            s.setString(5, n.item().networkId());
            s.setString(6, n.item().networkName());
            Jdbc.setBoolean(s, 7, n.item().connected());
            s.setString(8, n.item().state());
            s.setString(9, n.item().vlanMode());
            s.setObject(10, t);
            s.setObject(11, t);
        });
        List<Map.Entry<Long, VmFacts.Ip>> ips = new ArrayList<>();
        for (int i = 0; i < nics.size(); i++) {
            for (VmFacts.Ip ip : nics.get(i).item().ips()) {
                ips.add(Map.entry(nicIds.get(i), ip));
            }
        }
        jdbc.batch(
                "insert into vm_nic_ip_fact (nic_id, ip_address, ip_type, created_at, updated_at) "
                        + "values (?, ?, ?, ?, ?) on conflict do nothing",
                ips,
                (s, ip) -> {
                    s.setLong(1, ip.getKey());
                    s.setString(2, ip.getValue().address());
                    s.setString(3, ip.getValue().type());
                    s.setObject(4, t);
                    s.setObject(5, t);
                });
        jdbc.batch("""
                insert into vm_disk_fact (vm_id, position, disk_uuid, disk_label, size_gb, storage_name, backing_type,
                    created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", positioned(writes, VmFacts::disks), (s, d) -> {
            s.setLong(1, d.vmId());
            s.setInt(2, d.position());
            s.setString(3, d.item().diskUuid());
            s.setString(4, d.item().label());
            s.setBigDecimal(5, d.item().sizeGb());
            s.setString(6, d.item().storageName());
            s.setString(7, d.item().backingType());
            s.setObject(8, t);
            s.setObject(9, t);
        });
    }

    /** A NIC or disk of a VM with its position in the VM's list. */
    private record Positioned<T>(long vmId, int position, T item) {}

    /** @return the NICs or disks of every written VM, in order, with their positions */
    private static <T> List<Positioned<T>> positioned(Map<Long, FactWrite> writes, Function<VmFacts, List<T>> items) {
        List<Positioned<T>> out = new ArrayList<>();
        for (Map.Entry<Long, FactWrite> e : writes.entrySet()) {
            List<T> list = items.apply(e.getValue().facts());
            for (int i = 0; i < list.size(); i++) {
                out.add(new Positioned<>(e.getKey(), i, list.get(i)));
            }
        }
        return out;
    }

    /** What to store as a VM's facts: the facts, their fingerprint and the VM's raw payload as JSON text. */
    record FactWrite(VmFacts facts, String fingerprint, String rawJson) {}

    /** One row of {@code vm_change_history}. */
    record History(long vmId, String changeType, String field, String oldValue, String newValue) {}

    void insertHistory(List<History> rows, long runId, Instant now) throws SQLException {
        LocalDateTime t = UtcTimes.toColumn(now);
        jdbc.batch("""
                insert into vm_change_history (vm_id, sync_run_id, change_type, field_name, old_value, new_value,
                    changed_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, (s, h) -> {
            s.setLong(1, h.vmId());
            s.setLong(2, runId);
            s.setString(3, h.changeType());
            s.setString(4, h.field());
            s.setString(5, h.oldValue());
            s.setString(6, h.newValue());
            s.setObject(7, t);
            s.setObject(8, t);
            s.setObject(9, t);
        });
    }

    /** Adds hosts and networks not known yet; names a network whose name was unknown. */
    void upsertHostsAndNetworks(Platform platform, Set<String> hosts, Map<String, String> networks, Instant now)
            throws SQLException {
        Set<String> knownHosts = new HashSet<>(jdbc.list(
                "select host_id from hosts where platform = ?",
                s -> s.setString(1, platform.wire()),
                r -> r.getString(1)));
        Map<String, String> knownNetworks = new HashMap<>();
        for (String[] network : jdbc.list(
                "select network_id, name from networks where platform = ?", s -> s.setString(1, platform.wire()), r ->
                        new String[] {r.getString(1), r.getString(2)})) {
            knownNetworks.put(network[0], network[1]);
        }
        LocalDateTime t = UtcTimes.toColumn(now);
        jdbc.batch(
                "insert into hosts (platform, host_id, hostname, created_at, updated_at) values (?, ?, ?, ?, ?) "
                        + "on conflict do nothing",
                hosts.stream().filter(h -> !knownHosts.contains(h)).toList(),
                (s, host) -> {
                    s.setString(1, platform.wire());
                    s.setString(2, host);
                    s.setString(3, host);
                    s.setObject(4, t);
                    s.setObject(5, t);
                });
        List<Map.Entry<String, String>> inserts = new ArrayList<>();
        List<Map.Entry<String, String>> renames = new ArrayList<>();
        for (Map.Entry<String, String> e : networks.entrySet()) {
            if (!knownNetworks.containsKey(e.getKey())) {
                inserts.add(e);
            } else if (e.getValue() != null && !e.getValue().equals(knownNetworks.get(e.getKey()))) {
                renames.add(e);
            }
        }
        jdbc.batch(
                "insert into networks (platform, network_id, name, created_at, updated_at) values (?, ?, ?, ?, ?) "
                        + "on conflict do nothing",
                inserts,
                (s, e) -> {
                    s.setString(1, platform.wire());
                    s.setString(2, e.getKey());
                    s.setString(3, e.getValue());
                    s.setObject(4, t);
                    s.setObject(5, t);
                });
        jdbc.batch(
                "update networks set name = ?, updated_at = ? where platform = ? and network_id = ?",
                renames,
                (s, e) -> {
                    s.setString(1, e.getValue());
                    s.setObject(2, t);
                    s.setString(3, platform.wire());
                    s.setString(4, e.getKey());
                });
    }

    /** @return a binder of the ids as the one {@code bigint[]} parameter of {@code = any(?)} */
    private Jdbc.Binder anyOf(Collection<Long> ids) throws SQLException {
        Array array = jdbc.connection().createArrayOf("bigint", ids.toArray());
        return s -> s.setArray(1, array);
    }

    /** @return the values of (vm or NIC id, value) rows by id, in row order */
    private static <T> Map<Long, List<T>> grouped(List<Map.Entry<Long, T>> rows) {
        Map<Long, List<T>> out = new HashMap<>();
        rows.forEach(
                row -> out.computeIfAbsent(row.getKey(), k -> new ArrayList<>()).add(row.getValue()));
        return out;
    }
}
