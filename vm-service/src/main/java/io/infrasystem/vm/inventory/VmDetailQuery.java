package io.infrasystem.vm.inventory;

import io.infrasystem.commons.persistence.UtcTimes;
import io.infrasystem.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        try (Connection c = dataSource.getConnection()) {
            VmDetail.Synced synced = null;
            String bios = null;
            Instant deletedAt = null;
            String deletedBy = null;
            String reason = null;
            Long runId = null;
            try (PreparedStatement s = c.prepareStatement("""
                    select f.power_state, f.hypervisor_type, f.cluster_name, f.host_identifier, f.hostname, f.os_type,
                           f.os_family, f.total_vcpus, f.num_sockets, f.cores_per_socket, f.memory_mb, f.total_disks,
                           f.total_disk_gb, f.total_nics, f.creation_date, f.last_update_date, f.fact_updated_at,
                           v.bios_uuid, v.deleted_at, v.deleted_by, v.delete_reason, v.last_sync_run_id
                    from vm v join vm_fact f on f.vm_id = v.id where v.id = ?""")) {
                s.setLong(1, id);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        synced = new VmDetail.Synced(
                                r.getString(1),
                                r.getString(2),
                                r.getString(3),
                                r.getString(4),
                                r.getString(5),
                                r.getString(6),
                                r.getString(7),
                                integer(r, 8),
                                integer(r, 9),
                                integer(r, 10),
                                r.getObject(11) == null ? null : r.getLong(11),
                                integer(r, 12),
                                r.getBigDecimal(13),
                                integer(r, 14),
                                time(r, 15),
                                time(r, 16),
                                time(r, 17));
                        bios = r.getString(18);
                        deletedAt = time(r, 19);
                        deletedBy = r.getString(20);
                        reason = r.getString(21);
                        runId = r.getObject(22) == null ? null : r.getLong(22);
                    }
                }
            }
            return new VmDetail(
                    summary,
                    bios,
                    synced,
                    manual(c, id),
                    nics(c, id),
                    disks(c, id),
                    manualIps(c, id),
                    customFields(c, id),
                    deletedAt,
                    deletedBy,
                    reason,
                    runId,
                    history(c, id));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the tags of a VM, sorted */
    public static List<String> tags(Connection c, long id) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s =
                c.prepareStatement("select tag_value from vm_tag where vm_id = ? order by tag_value")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
        }
        return out;
    }

    /** @return the manual data of a VM (defaults when none was entered) */
    public static VmDetail.Manual manual(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                select business_owner_id, technical_owner_id, project_name, environment, notes, override_power_state,
                       manual_power_state, override_cluster, manual_cluster_name, override_hostname, manual_hostname,
                       override_os_type, manual_os_type, updated_by, updated_at, version
                from vm_manual where vm_id = ?""")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return new VmDetail.Manual(
                            null, null, null, null, null, false, null, false, null, false, null, false, null, null,
                            null, 0);
                }
                return new VmDetail.Manual(
                        r.getObject(1) == null ? null : r.getLong(1),
                        r.getObject(2) == null ? null : r.getLong(2),
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
                        time(r, 15),
                        r.getLong(16));
            }
        }
    }

    private static List<VmDetail.Nic> nics(Connection c, long id) throws SQLException {
        Map<Long, List<VmDetail.Ip>> ips = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("select i.nic_id, i.ip_address, i.ip_type from vm_nic_ip_fact i "
                + "join vm_nic_fact n on n.id = i.nic_id where n.vm_id = ? order by i.ip_address")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ips.computeIfAbsent(r.getLong(1), k -> new ArrayList<>())
                            .add(new VmDetail.Ip(r.getString(2), r.getString(3)));
                }
            }
        }
        List<VmDetail.Nic> nics = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select id, nic_uuid, mac_address, network_id, network_name, "
                + "is_connected, state, vlan_mode from vm_nic_fact where vm_id = ? order by position")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    nics.add(new VmDetail.Nic(
                            r.getString(2),
                            r.getString(3),
                            r.getString(4),
                            r.getString(5),
                            (Boolean) r.getObject(6),
                            r.getString(7),
                            r.getString(8),
                            List.copyOf(ips.getOrDefault(r.getLong(1), List.of()))));
                }
            }
        }
        return nics;
    }

    private static List<VmDetail.Disk> disks(Connection c, long id) throws SQLException {
        List<VmDetail.Disk> disks = new ArrayList<>();
        try (PreparedStatement s =
                c.prepareStatement("select disk_uuid, disk_label, size_gb, storage_name, backing_type "
                        + "from vm_disk_fact where vm_id = ? order by position")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    disks.add(new VmDetail.Disk(
                            r.getString(1), r.getString(2), r.getBigDecimal(3), r.getString(4), r.getString(5)));
                }
            }
        }
        return disks;
    }

    public static List<VmDetail.ManualIp> manualIps(Connection c, long id) throws SQLException {
        List<VmDetail.ManualIp> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select id, ip_address, is_primary, label from vm_ip_manual "
                + "where vm_id = ? order by is_primary desc, id")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new VmDetail.ManualIp(r.getLong(1), r.getString(2), r.getBoolean(3), r.getString(4)));
                }
            }
        }
        return out;
    }

    public static Map<String, String> customFields(Connection c, long id) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "select field_key, field_value from vm_custom_field where vm_id = ? " + "order by field_key")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1), r.getString(2));
                }
            }
        }
        return out;
    }

    private static List<VmDetail.HistoryEntry> history(Connection c, long id) throws SQLException {
        List<VmDetail.HistoryEntry> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select id, sync_run_id, change_type, field_name, old_value, "
                + "new_value, changed_at from vm_change_history where vm_id = ? order by id desc limit "
                + HISTORY_LIMIT)) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new VmDetail.HistoryEntry(
                            r.getLong(1),
                            r.getObject(2) == null ? null : r.getLong(2),
                            r.getString(3),
                            r.getString(4),
                            r.getString(5),
                            r.getString(6),
                            time(r, 7)));
                }
            }
        }
        return out;
    }

    private static Integer integer(ResultSet r, int column) throws SQLException {
        int v = r.getInt(column);
        return r.wasNull() ? null : v;
    }

    private static Instant time(ResultSet r, int column) throws SQLException {
        return UtcTimes.fromColumn(r.getObject(column, LocalDateTime.class));
    }
}
