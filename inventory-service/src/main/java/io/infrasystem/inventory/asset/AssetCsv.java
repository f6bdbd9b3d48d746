package io.infrasystem.inventory.asset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrasystem.commons.filter.FilterSpec;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.inventory.csv.CellException;
import io.infrasystem.inventory.csv.Cells;
import io.infrasystem.inventory.csv.CsvRelation;
import io.infrasystem.inventory.csv.CsvRow;
import io.infrasystem.inventory.csv.CsvTable;
import io.infrasystem.inventory.csv.ImportError;
import io.infrasystem.inventory.csv.RowCounts;
import io.infrasystem.inventory.manufacturer.Manufacturer;
import io.infrasystem.inventory.model.HardwareModel;
import io.infrasystem.inventory.rack.Rack;
import io.infrasystem.inventory.site.Site;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Assets as CSV: {@code id, hostname, asset_tag, serial, manufacturer, model, status, site, rack,
 * position, face, mgmt_ip, other_ips, purchase_date, warranty_end, owner, notes, tags,
 * custom_fields} (import also takes {@code model_id}, {@code site_id}, {@code rack_id},
 * {@code manufacturer_id}). {@code other_ips} and {@code tags} are comma-separated;
 * {@code custom_fields} is a JSON object. A row updates the asset of its {@code id}, else the one
 * with its {@code asset_tag}, else the one with its {@code serial} for that manufacturer, else
 * creates one. Each asset may appear on one row only; an asset tag or serial (per manufacturer)
 * given twice in the file, or held by another stored asset, is an error of the row.
 *
 * <p>Imports take the bulk path: the relations and the stored assets the file names are loaded
 * with a few set queries, every row is checked in memory (fields, uniqueness within the file and
 * against the database, placement shape and collisions), and only when all rows are good are they
 * written with JDBC batches and recorded with one batched change hook call
 * ({@link AssetBulkWriter}).
 */
@ApplicationScoped
public class AssetCsv implements CsvTable<Asset> {

    private static final Logger LOG = Logger.getLogger(AssetCsv.class);

    private static final List<String> COLUMNS = List.of(
            "id",
            "hostname",
            "asset_tag",
            "serial",
            "manufacturer",
            "model",
            "status",
            "site",
            "rack",
            "position",
            "face",
            "mgmt_ip",
            "other_ips",
            "purchase_date",
            "warranty_end",
            "owner",
            "notes",
            "tags",
            "custom_fields");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MergePatch validation;
    private final PlacementRules rules;
    private final AssetBulkWriter writer;
    private final EntityManager entityManager;
    private final DataSource dataSource;

    public AssetCsv(
            MergePatch validation,
            PlacementRules rules,
            AssetBulkWriter writer,
            EntityManager entityManager,
            DataSource dataSource) {
        this.dataSource = dataSource;
        this.validation = validation;
        this.rules = rules;
        this.writer = writer;
        this.entityManager = entityManager;
    }

    @Override
    public String kind() {
        return "assets";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> idColumns() {
        return List.of("manufacturer_id", "model_id", "site_id", "rack_id");
    }

    @Override
    public FilterSpec filters() {
        return AssetService.KIND.filters();
    }

    @Override
    public String from() {
        return "from Asset a";
    }

    @Override
    public List<String> row(Asset a) {
        List<String> others = JsonColumns.list(a.otherIps);
        return Arrays.asList(
                Cells.of(a.id),
                a.hostname,
                a.assetTag,
                a.serial,
                a.manufacturer.name,
                a.model.name,
                Cells.of(a.status),
                a.site == null ? null : a.site.name,
                a.rack == null ? null : a.rack.name,
                Cells.of(a.position),
                Cells.of(a.face),
                a.mgmtIp,
                others.isEmpty() ? null : String.join(",", others),
                Cells.of(a.purchaseDate),
                Cells.of(a.warrantyEnd),
                a.owner,
                a.notes,
                a.tags.isEmpty() ? null : String.join(",", new TreeSet<>(a.tags)),
                a.customFields);
    }

    @Override
    public RowCounts importRows(List<CsvRow> rows, List<ImportError> errors) {
        long started = System.nanoTime();
        Relations relations = Relations.load();
        ExistingAssets existing = ExistingAssets.load(rows, dataSource);
        // everything needed is loaded; detached, the assets can be changed in memory without Hibernate writing them
        entityManager.clear();
        long loaded = System.nanoTime();
        List<AssetBulkWriter.Write> writes = new ArrayList<>(rows.size());
        List<CsvRow> placedRows = new ArrayList<>();
        List<PlannedPlacement> placements = new ArrayList<>();
        for (CsvRow row : rows) {
            try {
                AssetBulkWriter.Write write = plan(row, relations, existing);
                writes.add(write);
                PlannedPlacement placement = PlacementRules.of(write.asset());
                if (placement.mounted()) {
                    placedRows.add(row);
                    placements.add(placement);
                }
            } catch (CellException | ProblemException e) {
                errors.addAll(row.errors(e));
            }
        }
        checkCollisions(placedRows, placements, existing.targets(), errors);
        LOG.infof(
                "asset import of %d row(s): loading relations and named assets %d ms, checking rows %d ms, %d error(s)",
                rows.size(), (loaded - started) / 1_000_000, (System.nanoTime() - loaded) / 1_000_000, errors.size());
        if (!errors.isEmpty()) {
            return new RowCounts(0, 0);
        }
        writer.write(writes);
        int created = (int) writes.stream().filter(w -> w.before() == null).count();
        return new RowCounts(created, writes.size() - created);
    }

    /** Checks one row and applies it to its (detached or new) asset in memory. */
    private AssetBulkWriter.Write plan(CsvRow row, Relations relations, ExistingAssets existing) {
        Manufacturer manufacturer = relations.manufacturers().resolve(row);
        HardwareModel model = relations.model(row, manufacturer);
        if (manufacturer == null && model != null) {
            manufacturer = model.manufacturer;
        }
        Site site = relations.sites().resolve(row);
        Rack rack = relations.rack(row, site);
        Asset target = existing.target(row, manufacturer);
        AssetInput input = input(row, target == null ? null : target.input(), model, site, rack);
        if (input.modelId() == null) {
            throw new CellException("model", "is required");
        }
        validation.validate(input);
        HardwareModel newModel = relations.models().get(input.modelId());
        Rack newRack = input.rackId() == null ? null : relations.racks().get(input.rackId());
        Site named = input.siteId() == null ? null : relations.sites().get(input.siteId());
        AssetService.check(input, named, newRack);
        Asset asset = target != null ? target : new Asset();
        rules.checkShape(
                new PlannedPlacement(
                        asset.id,
                        AssetService.label(input, asset),
                        newRack,
                        input.position(),
                        input.face(),
                        newModel.uHeight,
                        newModel.fullDepth),
                "");
        existing.claim(
                row,
                target,
                AssetService.blankToNull(input.assetTag()),
                AssetService.blankToNull(input.serial()),
                newModel.manufacturer.id);
        AssetDto before = target == null ? null : target.dto();
        AssetService.assign(
                asset, input, newModel, named != null ? named : newRack == null ? null : newRack.site, newRack);
        return new AssetBulkWriter.Write(asset, before);
    }

    /**
     * The relations asset rows name, loaded whole before the first row (the catalogue tables are
     * small next to the asset table: thousands of rows at most).
     */
    private record Relations(
            CsvRelation<Site> sites,
            CsvRelation<Manufacturer> manufacturers,
            CsvRelation<HardwareModel> models,
            CsvRelation<Rack> racks) {

        static Relations load() {
            return new Relations(
                    Site.csvRelation(), Manufacturer.csvRelation(), HardwareModel.csvRelation(), Rack.csvRelation());
        }

        /** A rack by id, or by name within {@code site} (rack names are unique per site only). */
        Rack rack(CsvRow row, Site site) {
            return racks.resolve(
                    row,
                    r -> site == null || r.site.id.equals(site.id),
                    "rack name '%s' exists at several sites; give the site",
                    site == null ? "" : " at site " + site.name);
        }

        /** A model by id, or by name for {@code manufacturer} (model names are unique per manufacturer). */
        HardwareModel model(CsvRow row, Manufacturer manufacturer) {
            return models.resolve(
                    row,
                    m -> manufacturer == null || m.manufacturer.id.equals(manufacturer.id),
                    "model name '%s' exists for several manufacturers; give the manufacturer",
                    manufacturer == null ? "" : " for " + manufacturer.name);
        }
    }

    /** @return the row's values over the stored ones ({@code stored} is {@code null} for a new asset) */
    private static AssetInput input(CsvRow row, AssetInput stored, HardwareModel model, Site site, Rack rack) {
        AssetInput base = stored != null
                ? stored
                : new AssetInput(
                        null,
                        null,
                        null,
                        null,
                        AssetStatus.ACTIVE,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null);
        boolean placementGiven = row.has("rack") || row.has("rack_id");
        return new AssetInput(
                row.text("hostname", base.hostname()),
                row.text("asset_tag", base.assetTag()),
                row.text("serial", base.serial()),
                model != null ? model.id : base.modelId(),
                row.has("status")
                        ? orDefault(row.choice("status", AssetStatus.class), AssetStatus.ACTIVE)
                        : base.status(),
                site != null ? site.id : (row.has("site") || row.has("site_id") ? null : base.siteId()),
                rack != null ? rack.id : (placementGiven ? null : base.rackId()),
                row.decimal("position", base.position()),
                row.choice("face", Face.class, base.face()),
                row.text("mgmt_ip", base.mgmtIp()),
                row.list("other_ips", base.otherIps()),
                row.date("purchase_date", base.purchaseDate()),
                row.date("warranty_end", base.warrantyEnd()),
                row.text("owner", base.owner()),
                row.text("notes", base.notes()),
                row.list("tags", base.tags()),
                row.has("custom_fields") ? customFields(row) : base.customFields());
    }

    /**
     * Checks the rows' placements against each other (in file order) and against the stored
     * assets of their racks that the file does not change; a collision is an error of the later
     * row (its first one only), naming the asset or line in the way.
     */
    private void checkCollisions(
            List<CsvRow> rows, List<PlannedPlacement> placements, Set<Long> changed, List<ImportError> errors) {
        Set<Integer> reported = new HashSet<>();
        for (PlacementRules.Collision c : rules.collisions(placements, changed)) {
            if (reported.add(c.index())) {
                String holder = c.holderIndex() < 0
                        ? c.holderAsAsset()
                        : c.holder().label() + " of line "
                                + rows.get(c.holderIndex()).line();
                errors.addAll(rows.get(c.index()).errors(new CellException("position", c.message(holder))));
            }
        }
    }

    private static Map<String, Object> customFields(CsvRow row) {
        String text = row.text("custom_fields");
        if (text == null) {
            return null;
        }
        try {
            return JSON.readValue(text, new TypeReference<Map<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new CellException("custom_fields", "must be a JSON object, e.g. {\"cost_center\":\"IT-42\"}");
        }
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
