package io.infrasystem.vm.virtualmachine;

import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.filter.FilterSpec;
import io.infrasystem.commons.filter.QueryFilter;
import io.infrasystem.commons.persistence.NamedParameters;
import io.infrasystem.commons.persistence.UtcTimes;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.vm.facts.Platform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Reads of the effective inventory in SQL: facts overlaid by manual overrides, with the NetBox-style
 * filters of {@link #FILTERS}. Deleted VMs are left out unless the request filters on {@code deleted}.
 */
@ApplicationScoped
public class VmQueries {

    static final String POWER =
            "(case when coalesce(m.override_power_state, false) then m.manual_power_state else f.power_state end)";
    static final String CLUSTER =
            "(case when coalesce(m.override_cluster, false) then m.manual_cluster_name else f.cluster_name end)";
    static final String HOSTNAME =
            "(case when coalesce(m.override_hostname, false) then m.manual_hostname else f.hostname end)";
    static final String OS_TYPE =
            "(case when coalesce(m.override_os_type, false) then m.manual_os_type else f.os_type end)";
    static final String IPS = "(select string_agg(i.ip_address, ' ') from vm_nic_fact n join vm_nic_ip_fact i "
            + "on i.nic_id = n.id where n.vm_id = v.id)";

    static final String FROM = """
             from vm v join vm_fact f on f.vm_id = v.id
             left join vm_manual m on m.vm_id = v.id
             left join owners bo on bo.id = m.business_owner_id
             left join owners tech on tech.id = m.technical_owner_id
            """;

    static final String COLUMNS = "v.id, v.platform, v.source, v.vm_uuid, v.vm_name, " + POWER + ", " + CLUSTER
            + ", f.host_identifier, " + HOSTNAME + ", " + OS_TYPE + ", f.os_family, f.total_vcpus, f.memory_mb, "
            + "f.total_disks, f.total_disk_gb, f.total_nics, bo.id, bo.full_name, bo.email, tech.id, tech.full_name, "
            + "tech.email, m.project_name, m.environment, coalesce(m.override_power_state, false), "
            + "coalesce(m.override_cluster, false), coalesce(m.override_hostname, false), "
            + "coalesce(m.override_os_type, false), v.is_deleted, v.first_seen_at, v.last_seen_at, coalesce(m.version, 0)";

    /** Filters, search and orderings of {@code GET /api/vm/vms} and its CSV export. */
    public static final FilterSpec FILTERS = FilterSpec.builder("v.id")
            .field(FilterField.integer("id", "v.id"))
            .field(FilterField.text("name", "v.vm_name"))
            .field(FilterField.text("uuid", "v.vm_uuid"))
            .field(FilterField.text("bios_uuid", "v.bios_uuid"))
            .field(FilterField.membership(
                    "ip",
                    "(exists (select 1 from vm_nic_fact n join vm_nic_ip_fact i on "
                            + "i.nic_id = n.id where n.vm_id = v.id and i.ip_address in (:values)) or exists (select 1 from "
                            + "vm_ip_manual mi where mi.vm_id = v.id and mi.ip_address in (:values)))",
                    x -> x.strip()))
            .field(FilterField.membership(
                    "owner",
                    "(lower(bo.email) in (:values) or lower(tech.email) in (:values) "
                            + "or lower(bo.full_name) in (:values) or lower(tech.full_name) in (:values))",
                    x -> x.strip().toLowerCase(java.util.Locale.ROOT)))
            .field(FilterField.membership(
                    "owner_id",
                    "(m.business_owner_id in (:values) or m.technical_owner_id in " + "(:values))",
                    VmQueries::id))
            .field(FilterField.text("business_owner", "bo.email"))
            .field(FilterField.text("technical_owner", "tech.email"))
            .field(FilterField.membership(
                    "network",
                    "exists (select 1 from vm_nic_fact n where n.vm_id = v.id and "
                            + "(n.network_name in (:values) or n.network_id in (:values)))",
                    x -> x.strip()))
            .field(FilterField.text("os_type", OS_TYPE))
            .field(FilterField.choice("os_family", "f.os_family", Set.of("linux", "windows", "other")))
            .field(FilterField.text("cluster", CLUSTER))
            .field(FilterField.text("host", "f.host_identifier"))
            .field(FilterField.text("hostname", HOSTNAME))
            .field(FilterField.choice("power_state", POWER, Set.of("on", "off", "suspended", "paused", "unknown")))
            .field(FilterField.choice("platform", "v.platform", Platform.class))
            .field(FilterField.text("source", "v.source"))
            .field(FilterField.membership(
                    "tag",
                    "exists (select 1 from vm_tag t where t.vm_id = v.id and " + "t.tag_value in (:values))",
                    x -> x.strip()))
            .field(FilterField.text("environment", "m.environment"))
            .field(FilterField.text("project", "m.project_name"))
            .field(FilterField.bool("deleted", "v.is_deleted"))
            .field(FilterField.integer("total_vcpus", "f.total_vcpus"))
            .field(FilterField.integer("memory_mb", "f.memory_mb"))
            .field(FilterField.decimal("total_disk_gb", "f.total_disk_gb"))
            .field(FilterField.timestamp("last_seen_at", "v.last_seen_at"))
            .field(FilterField.timestamp("first_seen_at", "v.first_seen_at"))
            .search(
                    "v.vm_name",
                    "v.vm_uuid",
                    HOSTNAME,
                    OS_TYPE,
                    CLUSTER,
                    "coalesce(" + IPS + ", '')",
                    "coalesce(m.project_name, '')",
                    "coalesce(m.notes, '')")
            .defaultOrdering("name")
            .build();

    private final DataSource dataSource;

    public VmQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private static Object id(String raw) {
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number");
        }
    }

    /** @return the filter of a request; deleted VMs excluded unless {@code deleted} is given */
    public static QueryFilter filter(MultivaluedMap<String, String> query) {
        QueryFilter filter = FILTERS.parse(query);
        boolean asksDeleted = query.keySet().stream().anyMatch(k -> k.equals("deleted") || k.startsWith("deleted__"));
        if (asksDeleted) {
            return filter;
        }
        return new QueryFilter(filter.where() + " and v.is_deleted = false", filter.parameters(), filter.orderBy());
    }

    /** @return the number of VMs matching */
    public long count(QueryFilter filter) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = NamedParameters.prepare(
                        c, "select count(*)" + FROM + "where " + filter.where(), filter.parameters());
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return one window of matching VMs */
    public List<VmSummary> page(QueryFilter filter, int limit, long offset) {
        List<VmSummary> out = new ArrayList<>();
        stream(filter, " limit " + limit + " offset " + offset, 0, out::add);
        return out;
    }

    /**
     * Streams every matching VM in order, fetching {@code batch} rows at a time, with its IPs and
     * tags; rows are handed over as they are read (for the CSV export).
     */
    public void stream(QueryFilter filter, String window, int batch, Consumer<VmSummary> sink) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            if (batch > 0) {
                c.setAutoCommit(false);
            }
            try (PreparedStatement s = NamedParameters.prepare(
                    c,
                    "select " + COLUMNS + FROM + "where " + filter.where() + " order by " + filter.orderBy() + window,
                    filter.parameters())) {
                s.setFetchSize(batch > 0 ? batch : 1000);
                try (ResultSet r = s.executeQuery()) {
                    List<Object[]> rows = new ArrayList<>();
                    while (r.next()) {
                        rows.add(row(r));
                        if (batch > 0 && rows.size() >= batch) {
                            emit(c, rows, sink);
                            rows.clear();
                        }
                    }
                    emit(c, rows, sink);
                }
            } finally {
                if (batch > 0) {
                    c.commit();
                    c.setAutoCommit(auto);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object[] row(ResultSet r) throws SQLException {
        Object[] row = new Object[32];
        for (int i = 0; i < row.length; i++) {
            row[i] = r.getObject(i + 1);
        }
        return row;
    }

    private void emit(Connection c, List<Object[]> rows, Consumer<VmSummary> sink) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<Long> ids = rows.stream().map(r -> ((Number) r[0]).longValue()).toList();
        Map<Long, Set<String>> ips = lists(
                c,
                ids,
                "select n.vm_id, i.ip_address from vm_nic_fact n join vm_nic_ip_fact i "
                        + "on i.nic_id = n.id where n.vm_id = any(?) order by n.vm_id, n.position, i.ip_address");
        Map<Long, Set<String>> manual = lists(
                c,
                ids,
                "select vm_id, ip_address from vm_ip_manual where vm_id = any(?) "
                        + "order by vm_id, is_primary desc, id");
        Map<Long, Set<String>> tags = lists(
                c, ids, "select vm_id, tag_value from vm_tag where vm_id = any(?) " + "order by vm_id, tag_value");
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            Set<String> allIps = new LinkedHashSet<>(ips.getOrDefault(id, Set.of()));
            allIps.addAll(manual.getOrDefault(id, Set.of()));
            List<String> overridden = new ArrayList<>();
            if ((Boolean) r[24]) {
                overridden.add("power_state");
            }
            if ((Boolean) r[25]) {
                overridden.add("cluster_name");
            }
            if ((Boolean) r[26]) {
                overridden.add("hostname");
            }
            if ((Boolean) r[27]) {
                overridden.add("os_type");
            }
            sink.accept(new VmSummary(
                    id,
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    (String) r[5],
                    (String) r[6],
                    (String) r[7],
                    (String) r[8],
                    (String) r[9],
                    (String) r[10],
                    integer(r[11]),
                    r[12] == null ? null : ((Number) r[12]).longValue(),
                    integer(r[13]),
                    (java.math.BigDecimal) r[14],
                    integer(r[15]),
                    List.copyOf(allIps),
                    List.copyOf(tags.getOrDefault(id, Set.of())),
                    owner(r[16], r[17], r[18]),
                    owner(r[19], r[20], r[21]),
                    (String) r[22],
                    (String) r[23],
                    List.copyOf(overridden),
                    (Boolean) r[28],
                    time(r[29]),
                    time(r[30]),
                    ((Number) r[31]).longValue()));
        }
    }

    private static Map<Long, Set<String>> lists(Connection c, List<Long> ids, String sql) throws SQLException {
        Map<Long, Set<String>> out = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            Array array = c.createArrayOf("bigint", ids.toArray());
            s.setArray(1, array);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.computeIfAbsent(r.getLong(1), k -> new LinkedHashSet<>())
                            .add(r.getString(2));
                }
            }
        }
        return out;
    }

    /** @return the effective view of one VM (deleted or not); 404 when unknown */
    public VmSummary summary(long id) {
        QueryFilter byId = new QueryFilter("v.id = :vm", Map.of("vm", id), "v.id");
        List<VmSummary> found = new ArrayList<>();
        stream(byId, "", 0, found::add);
        if (found.isEmpty()) {
            throw ProblemException.notFound("vm", id);
        }
        return found.get(0);
    }

    private static Integer integer(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }

    private static Instant time(Object o) {
        return o == null
                ? null
                : UtcTimes.fromColumn((LocalDateTime) (o instanceof java.sql.Timestamp t ? t.toLocalDateTime() : o));
    }

    private static VmSummary.OwnerRef owner(Object id, Object name, Object email) {
        return id == null ? null : new VmSummary.OwnerRef(((Number) id).longValue(), (String) name, (String) email);
    }
}
