package io.infrasystem.inventory.asset;

import io.infrasystem.commons.audit.Change;
import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.persistence.UtcTimes;
import io.infrasystem.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Writes many checked assets at once (the CSV import's bulk path) with JDBC batches on the
 * transaction's connection, then records every creation and update with one batched
 * {@link ChangeRecorder#recordAll} per {@value #RECORD_CHUNK} changes: each asset still gets its
 * audit entry and its {@code inventory.asset.created}/{@code updated}/{@code moved} event. Updates
 * that change nothing are neither written nor recorded. The database's constraints and placement
 * triggers apply as for single writes; a refusal there (a concurrent write) is a 409.
 */
@ApplicationScoped
public class AssetBulkWriter {

    private static final Logger LOG = Logger.getLogger(AssetBulkWriter.class);

    /** Changes per {@code recordAll} call (bounds the JSON held in memory at once). */
    static final int RECORD_CHUNK = 2000;

    private static final String COLUMNS =
            "hostname, asset_tag, serial, manufacturer_id, model_id, status, site_id, rack_id,"
                    + " position, face, mgmt_ip, other_ips, purchase_date, warranty_end, owner, notes, custom_fields";
    private static final String INSERT_HEAD =
            "insert into asset (" + COLUMNS + ", version, created_at, updated_at) values ";
    private static final String INSERT_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)";

    /** New assets per multi-row insert (19 parameters each, far below the protocol's 65,535). */
    static final int INSERT_CHUNK = 500;

    private static final String UPDATE = "update asset set " + COLUMNS.replace(",", " = ?,") + " = ?,"
            + " version = version + 1, updated_at = ? where id = ? and version = ?";
    private static final String VACATE = "update asset set position = null where id = ?";
    private static final String DELETE_TAGS = "delete from asset_tags where asset_id = ?";
    private static final String INSERT_TAG =
            "insert into asset_tags (asset_id, tag, created_at, updated_at) values (?, ?, ?, ?)";

    /**
     * One asset to write.
     *
     * @param asset a new asset, or a detached stored one, with its fields set to the new values
     * @param before the stored asset's API form before the change, {@code null} for a new asset
     */
    public record Write(Asset asset, AssetDto before) {}

    private final DataSource dataSource;
    private final ChangeRecorder changes;
    private final EntityManager entityManager;

    public AssetBulkWriter(DataSource dataSource, ChangeRecorder changes, EntityManager entityManager) {
        this.dataSource = dataSource;
        this.changes = changes;
        this.entityManager = entityManager;
    }

    /**
     * Writes and records the assets, in list order; call inside a transaction.
     *
     * @throws ProblemException 409 when the database refuses a row (another write took an asset
     *     tag, serial or rack unit meanwhile, or changed an updated asset)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(List<Write> writes) {
        entityManager.flush();
        List<Write> created = new ArrayList<>();
        List<Write> updated = new ArrayList<>();
        Set<Write> changed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Write write : writes) {
            if (write.before() == null) {
                created.add(write);
            } else if (!write.before().equals(write.asset().dto())) {
                updated.add(write);
                changed.add(write);
            }
        }
        long started = System.nanoTime();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        LocalDateTime stamp = UtcTimes.toColumn(now);
        try (Connection connection = dataSource.getConnection()) {
            vacate(connection, updated);
            update(connection, updated, stamp);
            insert(connection, created, stamp);
        } catch (SQLIntegrityConstraintViolationException e) {
            throw refused(e);
        } catch (SQLException e) {
            if (e.getCause() instanceof SQLIntegrityConstraintViolationException || "23000".equals(e.getSQLState())) {
                throw refused(e);
            }
            throw new IllegalStateException("could not write " + writes.size() + " asset(s)", e);
        }
        long written = System.nanoTime();
        List<Change> recorded = new ArrayList<>(created.size() + updated.size());
        for (Write write : writes) {
            Asset asset = write.asset();
            if (write.before() == null) {
                asset.version = 0;
                asset.createdAt = now;
                asset.updatedAt = now;
                recorded.add(Change.created("asset", asset.id, asset.dto()));
            } else if (changed.contains(write)) {
                asset.version++;
                asset.updatedAt = now;
                recorded.add(AssetService.change(write.before(), asset.dto()));
            }
        }
        for (int from = 0; from < recorded.size(); from += RECORD_CHUNK) {
            changes.recordAll(recorded.subList(from, Math.min(recorded.size(), from + RECORD_CHUNK)));
        }
        LOG.infof(
                "bulk write of %d asset(s) (%d created, %d updated): rows %d ms, audit entries and events %d ms",
                writes.size(),
                created.size(),
                updated.size(),
                (written - started) / 1_000_000,
                (System.nanoTime() - written) / 1_000_000);
    }

    /** Takes moved assets out of their racks first, so that swaps never meet the occupancy key half done. */
    private static void vacate(Connection connection, List<Write> updated) throws SQLException {
        try (PreparedStatement vacate = connection.prepareStatement(VACATE)) {
            int count = 0;
            for (Write write : updated) {
                AssetDto before = write.before();
                Asset after = write.asset();
                boolean moved = !Objects.equals(before.rackId(), after.rack == null ? null : after.rack.id)
                        || !Objects.equals(before.position(), after.position)
                        || before.face() != after.face
                        || before.modelId() != after.model.id;
                if (before.position() != null && moved) {
                    vacate.setLong(1, after.id);
                    vacate.addBatch();
                    count++;
                }
            }
            if (count > 0) {
                vacate.executeBatch();
            }
        }
    }

    private static void update(Connection connection, List<Write> updated, LocalDateTime stamp) throws SQLException {
        if (updated.isEmpty()) {
            return;
        }
        List<Write> retagged = new ArrayList<>();
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            for (Write write : updated) {
                Asset asset = write.asset();
                int next = bind(update, asset);
                update.setObject(next, stamp);
                update.setLong(next + 1, asset.id);
                update.setLong(next + 2, asset.version);
                update.addBatch();
                if (!new TreeSet<>(write.before().tags()).equals(new TreeSet<>(asset.tags))) {
                    retagged.add(write);
                }
            }
            int[] counts = update.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    throw ProblemException.conflict("asset " + updated.get(i).asset().id
                            + " was changed or deleted during the import; nothing was imported, try again");
                }
            }
        }
        try (PreparedStatement delete = connection.prepareStatement(DELETE_TAGS)) {
            for (Write write : retagged) {
                delete.setLong(1, write.asset().id);
                delete.addBatch();
            }
            delete.executeBatch();
        }
        insertTags(connection, retagged, stamp);
    }

    /**
     * Inserts the new assets with multi-row {@code insert … returning id} statements of
     * {@value #INSERT_CHUNK} rows: MariaDB returns the generated ids in row order, and one
     * statement per chunk is about twice as fast as a JDBC batch asking for generated keys (which
     * Connector/J cannot send as one bulk command to MariaDB before 11.5, so it sends one insert
     * per row).
     */
    private static void insert(Connection connection, List<Write> created, LocalDateTime stamp) throws SQLException {
        if (created.isEmpty()) {
            return;
        }
        int full = created.size() / INSERT_CHUNK * INSERT_CHUNK;
        if (full > 0) {
            try (PreparedStatement insert = connection.prepareStatement(insertReturning(INSERT_CHUNK))) {
                for (int from = 0; from < full; from += INSERT_CHUNK) {
                    insertChunk(insert, created.subList(from, from + INSERT_CHUNK), stamp);
                }
            }
        }
        if (full < created.size()) {
            try (PreparedStatement insert = connection.prepareStatement(insertReturning(created.size() - full))) {
                insertChunk(insert, created.subList(full, created.size()), stamp);
            }
        }
        insertTags(connection, created, stamp);
    }

    private static void insertChunk(PreparedStatement insert, List<Write> chunk, LocalDateTime stamp)
            throws SQLException {
        int offset = 0;
        for (Write write : chunk) {
            int next = bind(insert, offset, write.asset());
            insert.setObject(next, stamp);
            insert.setObject(next + 1, stamp);
            offset = next + 1;
        }
        try (ResultSet keys = insert.executeQuery()) {
            for (Write write : chunk) {
                if (!keys.next()) {
                    throw new IllegalStateException(
                            "the database returned fewer ids than " + chunk.size() + " inserted assets");
                }
                write.asset().id = keys.getLong(1);
            }
        }
    }

    /** @return the insert of {@code rows} assets returning their ids in row order */
    static String insertReturning(int rows) {
        StringBuilder sql =
                new StringBuilder(INSERT_HEAD.length() + rows * (INSERT_ROW.length() + 1) + 20).append(INSERT_HEAD);
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ",").append(INSERT_ROW);
        }
        return sql.append(" returning id").toString();
    }

    private static void insertTags(Connection connection, List<Write> writes, LocalDateTime stamp) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_TAG)) {
            int count = 0;
            for (Write write : writes) {
                for (String tag : write.asset().tags) {
                    insert.setLong(1, write.asset().id);
                    insert.setString(2, tag);
                    insert.setObject(3, stamp);
                    insert.setObject(4, stamp);
                    insert.addBatch();
                    count++;
                }
            }
            if (count > 0) {
                insert.executeBatch();
            }
        }
    }

    /** Binds the {@link #COLUMNS} from parameter 1; @return the index of the next parameter */
    private static int bind(PreparedStatement statement, Asset a) throws SQLException {
        return bind(statement, 0, a);
    }

    /** Binds the {@link #COLUMNS} from parameter {@code offset + 1}; @return the index of the next parameter */
    private static int bind(PreparedStatement statement, int offset, Asset a) throws SQLException {
        statement.setString(offset + 1, a.hostname);
        statement.setString(offset + 2, a.assetTag);
        statement.setString(offset + 3, a.serial);
        statement.setLong(offset + 4, a.manufacturer.id);
        statement.setLong(offset + 5, a.model.id);
        statement.setString(offset + 6, a.status.wire());
        statement.setObject(offset + 7, a.site == null ? null : a.site.id);
        statement.setObject(offset + 8, a.rack == null ? null : a.rack.id);
        statement.setBigDecimal(offset + 9, a.position);
        statement.setString(offset + 10, a.face == null ? null : a.face.wire());
        statement.setString(offset + 11, a.mgmtIp);
        statement.setString(offset + 12, a.otherIps);
        statement.setObject(offset + 13, a.purchaseDate);
        statement.setObject(offset + 14, a.warrantyEnd);
        statement.setString(offset + 15, a.owner);
        statement.setString(offset + 16, a.notes);
        statement.setString(offset + 17, a.customFields);
        return offset + 18;
    }

    private static ProblemException refused(SQLException e) {
        return ProblemException.conflict("the database refused the import (" + e.getMessage()
                + "); another write may have taken an asset tag, serial or rack unit meanwhile; nothing was imported");
    }
}
