package io.infrasystem.vm.sync;

import io.infrasystem.commons.persistence.Jdbc;
import io.infrasystem.commons.persistence.UtcTimes;
import io.infrasystem.vm.facts.Platform;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;

/** JDBC access to {@code vm_sync_run}, on the connection of the caller's transaction. */
final class SyncRunStore {

    static final String COLUMNS = "id, platform, source, mode, status, chunked, chunk_count, vm_count_seen, "
            + "created_count, updated_count, unchanged_count, deleted_count, restored_count, error, started_at, "
            + "finished_at, expires_at, duration_ms";

    private static final String NEXT_ID = "nextval(pg_get_serial_sequence('vm_sync_run', 'id'))";

    private final Jdbc jdbc;

    SyncRunStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts of one payload or chunk. */
    record Counts(int seen, int created, int updated, int unchanged, int deleted, int restored) {

        /** Nothing yet (a run just opened). */
        static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);
    }

    /**
     * A run row to insert.
     *
     * @param id the id taken with {@link #nextId()}, or null to take the next one
     * @param chunked whether payloads arrive in chunks (then {@code chunk_count} starts at 0, else 1)
     * @param finishedAt null while the run is not over
     * @param expiresAt when an unfinished chunked run expires, or null
     * @param durationMs processing time, or null while the run is not over
     * @param triggeredBy who opened it, or null
     */
    record NewRun(
            Long id,
            Platform platform,
            String source,
            SyncMode mode,
            SyncRunStatus status,
            boolean chunked,
            Counts counts,
            Instant startedAt,
            Instant finishedAt,
            Instant expiresAt,
            Long durationMs,
            String triggeredBy) {}

    /** @return a new run id, for a run row written at the end of its transaction (the foreign keys to it are deferred) */
    long nextId() throws SQLException {
        return jdbc.one("select " + NEXT_ID, Jdbc.NONE, r -> r.getLong(1)).orElseThrow();
    }

    /** @return the id of the inserted run */
    long insert(NewRun run) throws SQLException {
        String sql = """
                insert into vm_sync_run (platform, source, mode, status, chunked, chunk_count, vm_count_seen,
                    created_count, updated_count, unchanged_count, deleted_count, restored_count, started_at,
                    finished_at, expires_at, duration_ms, triggered_by, created_at, updated_at, id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, %s)""".formatted(run.id() == null ? NEXT_ID : "?");
        LocalDateTime now = UtcTimes.toColumn(Instant.now());
        return jdbc.insertBatch(sql, java.util.List.of(run), (s, r) -> {
                    s.setString(1, r.platform().wire());
                    s.setString(2, r.source());
                    s.setString(3, r.mode().wire());
                    s.setString(4, r.status().wire());
                    s.setBoolean(5, r.chunked());
                    s.setInt(6, r.chunked() ? 0 : 1);
                    s.setInt(7, r.counts().seen());
                    s.setInt(8, r.counts().created());
                    s.setInt(9, r.counts().updated());
                    s.setInt(10, r.counts().unchanged());
                    s.setInt(11, r.counts().deleted());
                    s.setInt(12, r.counts().restored());
                    s.setObject(13, UtcTimes.toColumn(r.startedAt()));
                    Jdbc.setInstant(s, 14, r.finishedAt());
                    Jdbc.setInstant(s, 15, r.expiresAt());
                    Jdbc.setLong(s, 16, r.durationMs());
                    s.setString(17, r.triggeredBy());
                    s.setObject(18, now);
                    s.setObject(19, now);
                    if (r.id() != null) {
                        s.setLong(20, r.id());
                    }
                })
                .get(0);
    }

    /** @return the run, locked for the transaction when {@code forUpdate} */
    Optional<SyncRun> find(long id, boolean forUpdate) throws SQLException {
        return jdbc.one(
                "select " + COLUMNS + " from vm_sync_run where id = ?" + (forUpdate ? " for update" : ""),
                s -> s.setLong(1, id),
                SyncRunStore::read);
    }

    /** @return the principal allowed to write to the run, empty while nobody has claimed it */
    Optional<String> writer(long id) throws SQLException {
        return jdbc.one(
                        "select claimed_by from vm_sync_run where id = ?",
                        s -> s.setLong(1, id),
                        r -> Optional.ofNullable(r.getString(1)))
                .flatMap(w -> w);
    }

    /** Makes {@code principal} the one writer of the run. */
    void claim(long id, String principal) throws SQLException {
        jdbc.update("update vm_sync_run set claimed_by = ? where id = ?", s -> {
            s.setString(1, principal);
            s.setLong(2, id);
        });
    }

    /** Adds a chunk's counts to an open run (status becomes {@code open}). */
    void addChunk(long id, Counts counts) throws SQLException {
        jdbc.update("""
                update vm_sync_run set status = ?, chunk_count = chunk_count + 1,
                    vm_count_seen = vm_count_seen + ?, created_count = created_count + ?,
                    updated_count = updated_count + ?, unchanged_count = unchanged_count + ?,
                    deleted_count = deleted_count + ?, restored_count = restored_count + ?, updated_at = ?
                where id = ?""", s -> {
            s.setString(1, SyncRunStatus.OPEN.wire());
            s.setInt(2, counts.seen());
            s.setInt(3, counts.created());
            s.setInt(4, counts.updated());
            s.setInt(5, counts.unchanged());
            s.setInt(6, counts.deleted());
            s.setInt(7, counts.restored());
            s.setObject(8, UtcTimes.toColumn(Instant.now()));
            s.setLong(9, id);
        });
    }

    /** Ends a run with a final status. */
    void close(long id, SyncRunStatus status, int deleted, String error, Instant finishedAt) throws SQLException {
        LocalDateTime t = UtcTimes.toColumn(finishedAt);
        jdbc.update("""
                update vm_sync_run set status = ?, deleted_count = deleted_count + ?, error = ?, finished_at = ?,
                    duration_ms = cast(extract(epoch from (? - started_at)) * 1000 as bigint), updated_at = ?
                where id = ?""", s -> {
            s.setString(1, status.wire());
            s.setInt(2, deleted);
            s.setString(3, error);
            s.setObject(4, t);
            s.setObject(5, t);
            s.setObject(6, t);
            s.setLong(7, id);
        });
    }

    /** @return how many runs still pending or open past their expiry were marked {@code expired} */
    int expire(Instant now) throws SQLException {
        LocalDateTime t = UtcTimes.toColumn(now);
        return jdbc.update("""
                update vm_sync_run set status = ?, error = 'not finished before expires_at', finished_at = ?,
                    updated_at = ?
                where status in (?, ?) and expires_at < ?""", s -> {
            s.setString(1, SyncRunStatus.EXPIRED.wire());
            s.setObject(2, t);
            s.setObject(3, t);
            s.setString(4, SyncRunStatus.OPEN.wire());
            s.setString(5, SyncRunStatus.PENDING.wire());
            s.setObject(6, t);
        });
    }

    /** @return the run of a row selected with {@link #COLUMNS} */
    static SyncRun read(ResultSet r) throws SQLException {
        return new SyncRun(
                r.getLong(1),
                Platform.of(r.getString(2)),
                r.getString(3),
                SyncMode.of(r.getString(4)),
                SyncRunStatus.of(r.getString(5)),
                r.getBoolean(6),
                r.getInt(7),
                r.getInt(8),
                r.getInt(9),
                r.getInt(10),
                r.getInt(11),
                r.getInt(12),
                r.getInt(13),
                r.getString(14),
                Jdbc.getInstant(r, 15),
                Jdbc.getInstant(r, 16),
                Jdbc.getInstant(r, 17),
                Jdbc.getLong(r, 18));
    }
}
