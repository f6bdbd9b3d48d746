package io.infrasystem.vm.sync;

import io.infrasystem.commons.persistence.UtcTimes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;

/** JDBC access to {@code vm_sync_run}. */
final class SyncRunStore {

    static final String COLUMNS = "id, platform, source, mode, status, chunked, chunk_count, vm_count_seen, "
            + "created_count, updated_count, unchanged_count, deleted_count, restored_count, error, started_at, "
            + "finished_at, expires_at, duration_ms";

    private SyncRunStore() {}

    /** Counts of one payload or chunk. */
    record Counts(int seen, int created, int updated, int unchanged, int deleted, int restored) {}

    /** @return a new run id, for a run row written at the end of its transaction (the foreign keys to it are deferred) */
    static long nextId(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select nextval(pg_get_serial_sequence('vm_sync_run', 'id'))");
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    static long insert(
            Connection c,
            String platform,
            String source,
            String mode,
            String status,
            boolean chunked,
            Counts counts,
            Instant startedAt,
            Instant finishedAt,
            Instant expiresAt,
            Long durationMs,
            String triggeredBy)
            throws SQLException {
        return insert(
                c,
                null,
                platform,
                source,
                mode,
                status,
                chunked,
                counts,
                startedAt,
                finishedAt,
                expiresAt,
                durationMs,
                triggeredBy);
    }

    static long insert(
            Connection c,
            Long id,
            String platform,
            String source,
            String mode,
            String status,
            boolean chunked,
            Counts counts,
            Instant startedAt,
            Instant finishedAt,
            Instant expiresAt,
            Long durationMs,
            String triggeredBy)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                """
                insert into vm_sync_run (platform, source, mode, status, chunked, chunk_count, vm_count_seen,
                    created_count, updated_count, unchanged_count, deleted_count, restored_count, started_at,
                    finished_at, expires_at, duration_ms, triggered_by, created_at, updated_at, id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, """ + (id == null ? "nextval(pg_get_serial_sequence('vm_sync_run', 'id'))" : "?") + ")",
                new String[] {"id"})) {
            if (id != null) {
                s.setLong(20, id);
            }
            s.setString(1, platform);
            s.setString(2, source);
            s.setString(3, mode);
            s.setString(4, status);
            s.setBoolean(5, chunked);
            s.setInt(6, chunked ? 0 : 1);
            s.setInt(7, counts.seen());
            s.setInt(8, counts.created());
            s.setInt(9, counts.updated());
            s.setInt(10, counts.unchanged());
            s.setInt(11, counts.deleted());
            s.setInt(12, counts.restored());
            s.setObject(13, UtcTimes.toColumn(startedAt));
            s.setObject(14, finishedAt == null ? null : UtcTimes.toColumn(finishedAt), java.sql.Types.TIMESTAMP);
            s.setObject(15, expiresAt == null ? null : UtcTimes.toColumn(expiresAt), java.sql.Types.TIMESTAMP);
            if (durationMs == null) {
                s.setNull(16, java.sql.Types.BIGINT);
            } else {
                s.setLong(16, durationMs);
            }
            s.setString(17, triggeredBy);
            LocalDateTime now = UtcTimes.toColumn(Instant.now());
            s.setObject(18, now);
            s.setObject(19, now);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static Optional<SyncRun> find(Connection c, long id, boolean forUpdate) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select " + COLUMNS + " from vm_sync_run where id = ?" + (forUpdate ? " for update" : ""))) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(read(r)) : Optional.empty();
            }
        }
    }

    /** Adds a chunk's counts to an open run (status becomes {@code open}). */
    static void addChunk(Connection c, long id, Counts counts) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                update vm_sync_run set status = 'open', chunk_count = chunk_count + 1,
                    vm_count_seen = vm_count_seen + ?, created_count = created_count + ?,
                    updated_count = updated_count + ?, unchanged_count = unchanged_count + ?,
                    deleted_count = deleted_count + ?, restored_count = restored_count + ?, updated_at = ?
                where id = ?""")) {
            s.setInt(1, counts.seen());
            s.setInt(2, counts.created());
            s.setInt(3, counts.updated());
            s.setInt(4, counts.unchanged());
            s.setInt(5, counts.deleted());
            s.setInt(6, counts.restored());
            s.setObject(7, UtcTimes.toColumn(Instant.now()));
            s.setLong(8, id);
            s.executeUpdate();
        }
    }

    /** Ends a run with a final status. */
    static void close(Connection c, long id, String status, int deleted, String error, Instant finishedAt)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                update vm_sync_run set status = ?, deleted_count = deleted_count + ?, error = ?, finished_at = ?,
                    duration_ms = cast(extract(epoch from (? - started_at)) * 1000 as bigint), updated_at = ?
                where id = ?""")) {
            LocalDateTime t = UtcTimes.toColumn(finishedAt);
            s.setString(1, status);
            s.setInt(2, deleted);
            s.setString(3, error);
            s.setObject(4, t);
            s.setObject(5, t);
            s.setObject(6, t);
            s.setLong(7, id);
            s.executeUpdate();
        }
    }

    static SyncRun read(ResultSet r) throws SQLException {
        long duration = r.getLong(18);
        Long durationMs = r.wasNull() ? null : duration;
        return new SyncRun(
                r.getLong(1),
                r.getString(2),
                r.getString(3),
                r.getString(4),
                r.getString(5),
                r.getBoolean(6),
                r.getInt(7),
                r.getInt(8),
                r.getInt(9),
                r.getInt(10),
                r.getInt(11),
                r.getInt(12),
                r.getInt(13),
                r.getString(14),
                time(r, 15),
                time(r, 16),
                time(r, 17),
                durationMs);
    }

    private static Instant time(ResultSet r, int column) throws SQLException {
        return UtcTimes.fromColumn(r.getObject(column, LocalDateTime.class));
    }
}
