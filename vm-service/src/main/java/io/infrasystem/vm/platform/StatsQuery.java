package io.infrasystem.vm.platform;

import io.infrasystem.commons.persistence.Jdbc;
import io.infrasystem.commons.persistence.UtcTimes;
import io.infrasystem.vm.facts.Platform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The dashboard figures over VMs that are not deleted — counts by platform, by effective power state
 * and by OS family; networks total / in use / not in use; changes in the last 24 hours and 7 days by
 * change type (from {@code vm_change_history}); and the last run of every platform and source.
 */
@ApplicationScoped
public class StatsQuery {

    /**
     * The dashboard.
     *
     * @param totalVms VMs not deleted
     * @param deletedVms soft-deleted VMs
     * @param platforms count by platform
     * @param powerStates count by effective power state
     * @param osFamilies count by OS family ({@code unknown} when none)
     * @param networks network usage
     * @param changesLast24h change-history rows of the last 24 hours by change type
     * @param changesLast7d change-history rows of the last 7 days by change type
     * @param lastRuns the latest run of each platform and source
     */
    public record Stats(
            long totalVms,
            long deletedVms,
            Map<String, Long> platforms,
            Map<String, Long> powerStates,
            Map<String, Long> osFamilies,
            NetworkUsage networks,
            Map<String, Long> changesLast24h,
            Map<String, Long> changesLast7d,
            List<LastRun> lastRuns) {}

    /** Networks known, with at least one VM, and with none. */
    public record NetworkUsage(long total, long inUse, long notInUse) {}

    /** The latest run of one platform and source. */
    public record LastRun(
            Platform platform,
            String source,
            long runId,
            String status,
            Instant startedAt,
            Instant finishedAt,
            int vmCountSeen,
            int createdCount,
            int updatedCount,
            int deletedCount) {}

    private static final String POWER =
            "(case when coalesce(m.override_power_state, false) then m.manual_power_state " + "else f.power_state end)";

    private final DataSource dataSource;

    public StatsQuery(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return the dashboard figures, counted now */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Stats stats() {
        return Jdbc.withConnection(dataSource, c -> {
            Instant now = Instant.now();
            Map<String, Long> platforms = counts(
                    c, "select v.platform, count(*) from vm v where not v.is_deleted " + "group by 1 order by 1");
            long total = platforms.values().stream().mapToLong(Long::longValue).sum();
            long deleted =
                    counts(c, "select 'd', count(*) from vm where is_deleted").getOrDefault("d", 0L);
            Map<String, Long> power = counts(
                    c,
                    "select coalesce(" + POWER + ", 'unknown'), count(*) from vm v "
                            + "join vm_fact f on f.vm_id = v.id left join vm_manual m on m.vm_id = v.id where not v.is_deleted "
                            + "group by 1 order by 1");
            Map<String, Long> families = counts(
                    c,
                    "select coalesce(f.os_family, 'unknown'), count(*) from vm v "
                            + "join vm_fact f on f.vm_id = v.id where not v.is_deleted group by 1 order by 1");
            Map<String, Long> nets = counts(c, """
                    select case when exists (select 1 from vm_nic_fact n join vm v on v.id = n.vm_id
                                             where not v.is_deleted and v.platform = w.platform
                                               and n.network_id = w.network_id) then 'in_use' else 'not_in_use' end,
                           count(*) from networks w group by 1""");
            long inUse = nets.getOrDefault("in_use", 0L);
            long notInUse = nets.getOrDefault("not_in_use", 0L);
            return new Stats(
                    total,
                    deleted,
                    platforms,
                    power,
                    families,
                    new NetworkUsage(inUse + notInUse, inUse, notInUse),
                    changes(c, now.minus(Duration.ofHours(24))),
                    changes(c, now.minus(Duration.ofDays(7))),
                    lastRuns(c));
        });
    }

    private static Map<String, Long> counts(Jdbc c, String sql) throws SQLException {
        return counts(c, sql, Jdbc.NONE, new LinkedHashMap<>());
    }

    /** @return {@code into} with the (key, count) rows of {@code sql} put in */
    private static Map<String, Long> counts(Jdbc c, String sql, Jdbc.Binder binder, Map<String, Long> into)
            throws SQLException {
        for (Map.Entry<String, Long> row : c.list(sql, binder, r -> Map.entry(r.getString(1), r.getLong(2)))) {
            into.put(row.getKey(), row.getValue());
        }
        return into;
    }

    private static Map<String, Long> changes(Jdbc c, Instant since) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String type : List.of("created", "updated", "deleted", "restored")) {
            out.put(type, 0L);
        }
        return counts(
                c,
                "select change_type, count(*) from vm_change_history where changed_at >= ? group by 1",
                s -> s.setObject(1, UtcTimes.toColumn(since)),
                out);
    }

    private static List<LastRun> lastRuns(Jdbc c) throws SQLException {
        return c.list(
                """
                select distinct on (platform, source) platform, source, id, status, started_at, finished_at,
                       vm_count_seen, created_count, updated_count, deleted_count
                from vm_sync_run order by platform, source, started_at desc, id desc""",
                Jdbc.NONE,
                r -> new LastRun(
                        Platform.of(r.getString(1)),
                        r.getString(2),
                        r.getLong(3),
                        r.getString(4),
                        Jdbc.getInstant(r, 5),
                        Jdbc.getInstant(r, 6),
                        r.getInt(7),
                        r.getInt(8),
                        r.getInt(9),
                        r.getInt(10)));
    }
}
