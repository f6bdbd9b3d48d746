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
import java.sql.Statement;
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

    /** Changes per {@code recordAll} call (bounds the JSON held in memory at once). */
    static final int RECORD_CHUNK = 2000;

    private static final String COLUMNS =
            "hostname, asset_tag, serial, manufacturer_id, model_id, status, site_id, rack_id,"
                    + " position, face, mgmt_ip, other_ips, purchase_date, warranty_end, owner, notes, custom_fields";
    private static final String INSERT = "insert into asset (" + COLUMNS + ", version, created_at, updated_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)";
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

    private static void insert(Connection connection, List<Write> created, LocalDateTime stamp) throws SQLException {
        if (created.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
            for (Write write : created) {
                int next = bind(insert, write.asset());
                insert.setObject(next, stamp);
                insert.setObject(next + 1, stamp);
                insert.addBatch();
            }
            insert.executeBatch();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                for (Write write : created) {
                    if (!keys.next()) {
                        throw new IllegalStateException(
                                "the driver returned fewer generated ids than " + created.size() + " inserted assets");
                    }
                    write.asset().id = keys.getLong(1);
                }
            }
        }
        insertTags(connection, created, stamp);
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

    /** Binds the {@link #COLUMNS}; @return the index of the next parameter */
    private static int bind(PreparedStatement statement, Asset a) throws SQLException {
        statement.setString(1, a.hostname);
        statement.setString(2, a.assetTag);
        statement.setString(3, a.serial);
        statement.setLong(4, a.manufacturer.id);
        statement.setLong(5, a.model.id);
        statement.setString(6, a.status.wire());
        statement.setObject(7, a.site == null ? null : a.site.id);
        statement.setObject(8, a.rack == null ? null : a.rack.id);
        statement.setBigDecimal(9, a.position);
        statement.setString(10, a.face == null ? null : a.face.wire());
        statement.setString(11, a.mgmtIp);
        statement.setString(12, a.otherIps);
        statement.setObject(13, a.purchaseDate);
        statement.setObject(14, a.warrantyEnd);
        statement.setString(15, a.owner);
        statement.setString(16, a.notes);
        statement.setString(17, a.customFields);
        return 18;
    }

    private static ProblemException refused(SQLException e) {
        return ProblemException.conflict("the database refused the import (" + e.getMessage()
                + "); another write may have taken an asset tag, serial or rack unit meanwhile; nothing was imported");
    }
}
