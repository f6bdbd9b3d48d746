package io.infrasystem.vm.virtualmachine;

import io.infrasystem.commons.persistence.Jdbc;
import io.infrasystem.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads one VM in full ({@link VmDetail}). */
@ApplicationScoped
public class VmDetailQuery {

    private static final int HISTORY_LIMIT = 500;

    private final DataSource dataSource;
    private final VmQueries queries;

    public VmDetailQuery(DataSource dataSource, VmQueries queries) {
        this.dataSource = dataSource;
        this.queries = queries;
    }

    /**
     * @param id VM id
     * @return the VM with everything attached
     * @throws ProblemException 404 when no VM has this id
     */
    public VmDetail detail(long id) {
        VmSummary summary = queries.summary(id);
        return Jdbc.withConnection(dataSource, jdbc -> {
            Optional<SyncedRow> row = jdbc.one(
                    """
                    select f.power_state, f.hypervisor_type, f.cluster_name, f.host_identifier, f.hostname, f.os_type,
                           f.os_family, f.total_vcpus, f.num_sockets, f.cores_per_socket, f.memory_mb, f.total_disks,
                           f.total_disk_gb, f.total_nics, f.creation_date, f.last_update_date, f.fact_updated_at,
                           v.bios_uuid, v.deleted_at, v.deleted_by, v.delete_reason, v.last_sync_run_id
                    from vm v join vm_fact f on f.vm_id = v.id where v.id = ?""",
                    s -> s.setLong(1, id),
                    r -> new SyncedRow(
                            new VmDetail.Synced(
                                    r.getString(1),
                                    r.getString(2),
                                    r.getString(3),
                                    r.getString(4),
                                    r.getString(5),
                                    r.getString(6),
                                    r.getString(7),
                                    Jdbc.getInteger(r, 8),
                                    Jdbc.getInteger(r, 9),
                                    Jdbc.getInteger(r, 10),
                                    Jdbc.getLong(r, 11),
                                    Jdbc.getInteger(r, 12),
                                    r.getBigDecimal(13),
                                    Jdbc.getInteger(r, 14),
                                    Jdbc.getInstant(r, 15),
                                    Jdbc.getInstant(r, 16),
                                    Jdbc.getInstant(r, 17)),
                            r.getString(18),
                            Jdbc.getInstant(r, 19),
                            r.getString(20),
                            r.getString(21),
                            Jdbc.getLong(r, 22)));
            SyncedRow synced = row.orElse(new SyncedRow(null, null, null, null, null, null));
            return new VmDetail(
                    summary,
                    synced.biosUuid(),
                    synced.facts(),
                    manual(jdbc, id),
                    nics(jdbc, id),
                    disks(jdbc, id),
                    manualIps(jdbc, id),
                    customFields(jdbc, id),
                    synced.deletedAt(),
                    synced.deletedBy(),
                    synced.deleteReason(),
                    synced.lastSyncRunId(),
                    history(jdbc, id));
        });
    }

    /** The synced facts of a VM with the columns of its {@code vm} row the detail shows. */
    private record SyncedRow(
            VmDetail.Synced facts,
            String biosUuid,
            Instant deletedAt,
            String deletedBy,
            String deleteReason,
            Long lastSyncRunId) {}

    /** @return the tags of a VM, sorted */
    public static List<String> tags(Jdbc jdbc, long id) throws SQLException {
        return jdbc.list(
                "select tag_value from vm_tag where vm_id = ? order by tag_value",
                s -> s.setLong(1, id),
                r -> r.getString(1));
    }

    /** @return the manual data of a VM (defaults when none was entered) */
    public static VmDetail.Manual manual(Jdbc jdbc, long id) throws SQLException {
        return jdbc.one(
                        """
                        select business_owner_id, technical_owner_id, project_name, environment, notes,
                               override_power_state, manual_power_state, override_cluster, manual_cluster_name,
                               override_hostname, manual_hostname, override_os_type, manual_os_type, updated_by,
                               updated_at, version
                        from vm_manual where vm_id = ?""",
                        s -> s.setLong(1, id),
                        r -> new VmDetail.Manual(
                                Jdbc.getLong(r, 1),
                                Jdbc.getLong(r, 2),
                                r.getString(3),
                                r.getString(4),
                                r.getString(5),
                                r.getBoolean(6),
                                r.getString(7),
                                r.getBoolean(8),
                                r.getString(9),
                                r.getBoolean(10),
                                r.getString(11),
                                r.getBoolean(12),
                                r.getString(13),
                                r.getString(14),
                                Jdbc.getInstant(r, 15),
                                r.getLong(16)))
                .orElse(new VmDetail.Manual(
                        null, null, null, null, null, false, null, false, null, false, null, false, null, null, null,
                        0));
    }

    private static List<VmDetail.Nic> nics(Jdbc jdbc, long id) throws SQLException {
        Map<Long, List<VmDetail.Ip>> ips = new LinkedHashMap<>();
        for (Map.Entry<Long, VmDetail.Ip> ip : jdbc.list(
                "select i.nic_id, i.ip_address, i.ip_type from vm_nic_ip_fact i "
                        + "join vm_nic_fact n on n.id = i.nic_id where n.vm_id = ? order by i.ip_address",
                s -> s.setLong(1, id),
                r -> Map.entry(r.getLong(1), new VmDetail.Ip(r.getString(2), r.getString(3))))) {
            ips.computeIfAbsent(ip.getKey(), k -> new ArrayList<>()).add(ip.getValue());
        }
        return jdbc.list(
                "select id, nic_uuid, mac_address, network_id, network_name, is_connected, state, vlan_mode "
                        + "from vm_nic_fact where vm_id = ? order by position",
                s -> s.setLong(1, id),
                r -> new VmDetail.Nic(
                        r.getString(2),
                        r.getString(3),
                        r.getString(4),
                        r.getString(5),
                        Jdbc.getBoolean(r, 6),
                        r.getString(7),
                        r.getString(8),
                        List.copyOf(ips.getOrDefault(r.getLong(1), List.of()))));
    }

    private static List<VmDetail.Disk> disks(Jdbc jdbc, long id) throws SQLException {
        return jdbc.list(
                "select disk_uuid, disk_label, size_gb, storage_name, backing_type from vm_disk_fact "
                        + "where vm_id = ? order by position",
                s -> s.setLong(1, id),
                r -> new VmDetail.Disk(
                        r.getString(1), r.getString(2), r.getBigDecimal(3), r.getString(4), r.getString(5)));
    }

    /** @return the IPs entered by hand for a VM, the primary first */
    public static List<VmDetail.ManualIp> manualIps(Jdbc jdbc, long id) throws SQLException {
        return jdbc.list(
                "select id, ip_address, is_primary, label from vm_ip_manual where vm_id = ? "
                        + "order by is_primary desc, id",
                s -> s.setLong(1, id),
                r -> new VmDetail.ManualIp(r.getLong(1), r.getString(2), r.getBoolean(3), r.getString(4)));
    }

    /** @return the custom fields of a VM, by key */
    public static Map<String, String> customFields(Jdbc jdbc, long id) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> field : jdbc.list(
                "select field_key, field_value from vm_custom_field where vm_id = ? order by field_key",
                s -> s.setLong(1, id),
                r -> new java.util.AbstractMap.SimpleEntry<>(r.getString(1), r.getString(2)))) {
            out.put(field.getKey(), field.getValue());
        }
        return out;
    }

    private static List<VmDetail.HistoryEntry> history(Jdbc jdbc, long id) throws SQLException {
        return jdbc.list(
                "select id, sync_run_id, change_type, field_name, old_value, new_value, changed_at "
                        + "from vm_change_history where vm_id = ? order by id desc limit " + HISTORY_LIMIT,
                s -> s.setLong(1, id),
                r -> new VmDetail.HistoryEntry(
                        r.getLong(1),
                        Jdbc.getLong(r, 2),
                        r.getString(3),
                        r.getString(4),
                        r.getString(5),
                        r.getString(6),
                        Jdbc.getInstant(r, 7)));
    }
}
