package io.infrasystem.inventory.asset;

import io.infrasystem.commons.problem.Problem.FieldError;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.problem.ProblemKind;
import io.infrasystem.inventory.csv.CellException;
import io.infrasystem.inventory.csv.CsvRow;
import io.infrasystem.inventory.manufacturer.Manufacturer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The stored assets an asset file refers to, loaded with set queries (by the file's ids, asset
 * tags and serials, {@value #CHUNK} values per query) before the first row, and the owners of
 * the unique keys (asset tag; serial per manufacturer) as the rows claim them in file order. Keys
 * compare case-insensitively, as the database's unique indexes do.
 */
final class ExistingAssets {

    /** Values per {@code in (...)} query. */
    static final int CHUNK = 1000;

    private static final String FETCH =
            "from Asset a join fetch a.model join fetch a.manufacturer left join fetch a.site"
                    + " left join fetch a.rack left join fetch a.tags where ";

    /** Who holds a key: a stored asset ({@code line} 0) or a row of the file. */
    private record Owner(Long assetId, long line) {}

    private final Map<Long, Asset> byId = new HashMap<>();
    private final Map<String, Asset> byTag = new HashMap<>();
    private final Map<String, Asset> bySerial = new HashMap<>();
    private final Map<String, Owner> tagOwners = new HashMap<>();
    private final Map<String, Owner> serialOwners = new HashMap<>();
    private final Map<Long, Long> targetLines = new HashMap<>();

    private ExistingAssets() {}

    /** Loads the assets the rows may name; call inside a transaction ({@code dataSource} gives its connection). */
    static ExistingAssets load(List<CsvRow> rows, DataSource dataSource) {
        Set<Long> ids = new LinkedHashSet<>();
        Set<String> tags = new LinkedHashSet<>();
        Set<String> serials = new LinkedHashSet<>();
        for (CsvRow row : rows) {
            try {
                Long id = row.integer("id");
                if (id != null) {
                    ids.add(id);
                }
            } catch (CellException e) {
                // reported by the row's own check
            }
            add(tags, row.text("asset_tag"));
            add(serials, row.text("serial"));
        }
        // the keys are looked up with plain JDBC (a new asset's keys usually match nothing), and only
        // the assets found are fetched as entities: Hibernate's handling of 1,000-value parameter
        // lists was half of the load time of a 100,000-row file
        Set<Long> found = new LinkedHashSet<>(ids);
        try (Connection connection = dataSource.getConnection()) {
            found.addAll(lookup(connection, "asset_tag", tags));
            found.addAll(lookup(connection, "serial", serials));
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up the assets the file names", e);
        }
        ExistingAssets existing = new ExistingAssets();
        existing.fetch("a.id in ?1", new ArrayList<>(found));
        return existing;
    }

    /** @return the ids of the stored assets whose {@code column} is one of {@code values} (collation rules) */
    private static List<Long> lookup(Connection connection, String column, Set<String> values) throws SQLException {
        List<Long> ids = new ArrayList<>();
        List<String> all = new ArrayList<>(values);
        PreparedStatement full = null;
        try {
            for (int from = 0; from < all.size(); from += CHUNK) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
                PreparedStatement select;
                if (chunk.size() == CHUNK) {
                    if (full == null) {
                        full = connection.prepareStatement(selectIds(column, CHUNK));
                    }
                    select = full;
                } else {
                    select = connection.prepareStatement(selectIds(column, chunk.size()));
                }
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
                if (select != full) {
                    select.close();
                }
            }
        } finally {
            if (full != null) {
                full.close();
            }
        }
        return ids;
    }

    private static String selectIds(String column, int count) {
        return "select id from asset where " + column + " in (" + String.join(", ", Collections.nCopies(count, "?"))
                + ")";
    }

    private static void add(Set<String> values, String value) {
        if (value != null) {
            values.add(value);
        }
    }

    private void fetch(String where, List<?> values) {
        for (int from = 0; from < values.size(); from += CHUNK) {
            List<?> chunk = values.subList(from, Math.min(values.size(), from + CHUNK));
            for (Asset asset : Asset.<Asset>list(FETCH + where, chunk)) {
                if (byId.putIfAbsent(asset.id, asset) != null) {
                    continue;
                }
                if (asset.assetTag != null) {
                    byTag.put(key(asset.assetTag), asset);
                    tagOwners.put(key(asset.assetTag), new Owner(asset.id, 0));
                }
                if (asset.serial != null) {
                    bySerial.put(serialKey(asset.manufacturer.id, asset.serial), asset);
                    serialOwners.put(serialKey(asset.manufacturer.id, asset.serial), new Owner(asset.id, 0));
                }
            }
        }
    }

    /**
     * The asset a row updates: the one of its {@code id}, else the one with its asset tag, else
     * the one with its serial for {@code manufacturer}; {@code null} to create one.
     *
     * @throws CellException for an id that does not exist or an asset an earlier row already changes
     */
    Asset target(CsvRow row, Manufacturer manufacturer) {
        Asset asset = find(row, manufacturer);
        if (asset != null) {
            Long earlier = targetLines.putIfAbsent(asset.id, row.line());
            if (earlier != null) {
                throw new CellException(
                        row.has("id") ? "id" : row.text("asset_tag") != null ? "asset_tag" : "serial",
                        "asset " + asset.id + " is already changed by line " + earlier + "; give each asset one row");
            }
        }
        return asset;
    }

    private Asset find(CsvRow row, Manufacturer manufacturer) {
        Long id = row.integer("id");
        if (id != null) {
            Asset asset = byId.get(id);
            if (asset == null) {
                throw new CellException("id", "asset " + id + " does not exist");
            }
            return asset;
        }
        String tag = row.text("asset_tag");
        Asset asset = tag == null ? null : byTag.get(key(tag));
        if (asset != null) {
            return asset;
        }
        String serial = row.text("serial");
        return serial == null || manufacturer == null ? null : bySerial.get(serialKey(manufacturer.id, serial));
    }

    /**
     * Claims the unique keys of a row's asset, as they are after the earlier rows: a key that a
     * stored asset or an earlier row holds is refused.
     *
     * @param target the updated asset (its keys still unchanged), {@code null} for a new one
     * @throws ProblemException 409 naming the holding asset or line
     */
    void claim(CsvRow row, Asset target, String assetTag, String serial, long manufacturerId) {
        Long id = target == null ? null : target.id;
        String tagKey = assetTag == null ? null : key(assetTag);
        String serialKey = serial == null ? null : serialKey(manufacturerId, serial);
        List<FieldError> errors = new ArrayList<>();
        conflict(tagOwners, tagKey, id, "asset_tag", errors);
        conflict(serialOwners, serialKey, id, "serial", errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemKind.CONFLICT, "duplicate asset tag or serial", errors);
        }
        if (target != null) {
            release(tagOwners, target.assetTag == null ? null : key(target.assetTag), id);
            release(serialOwners, target.serial == null ? null : serialKey(target.manufacturer.id, target.serial), id);
        }
        Owner owner = new Owner(id, row.line());
        if (tagKey != null) {
            tagOwners.put(tagKey, owner);
        }
        if (serialKey != null) {
            serialOwners.put(serialKey, owner);
        }
    }

    private static void conflict(
            Map<String, Owner> owners, String key, Long id, String field, List<FieldError> errors) {
        Owner owner = key == null ? null : owners.get(key);
        if (owner == null || (id != null && id.equals(owner.assetId()))) {
            return;
        }
        errors.add(new FieldError(
                field,
                owner.line() > 0
                        ? "is also given on line " + owner.line()
                        : "already used by asset " + owner.assetId()));
    }

    private static void release(Map<String, Owner> owners, String key, Long id) {
        if (key != null && owners.containsKey(key) && id.equals(owners.get(key).assetId())) {
            owners.remove(key);
        }
    }

    /** @return the ids of the assets the rows update */
    Set<Long> targets() {
        return targetLines.keySet();
    }

    private static String key(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    private static String serialKey(long manufacturerId, String serial) {
        return manufacturerId + "/" + key(serial);
    }
}
