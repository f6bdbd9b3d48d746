package io.infrasystem.inventory.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrasystem.commons.filter.FilterSpec;
import io.infrasystem.inventory.asset.Asset;
import io.infrasystem.inventory.asset.AssetInput;
import io.infrasystem.inventory.asset.AssetService;
import io.infrasystem.inventory.asset.AssetStatus;
import io.infrasystem.inventory.asset.Face;
import io.infrasystem.inventory.common.JsonColumns;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.inventory.manufacturer.Manufacturer;
import io.infrasystem.inventory.model.HardwareModel;
import io.infrasystem.inventory.rack.Rack;
import io.infrasystem.inventory.site.Site;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Assets as CSV: {@code id, hostname, asset_tag, serial, manufacturer, model, status, site, rack,
 * position, face, mgmt_ip, other_ips, purchase_date, warranty_end, owner, notes, tags,
 * custom_fields} (import also takes {@code model_id}, {@code site_id}, {@code rack_id},
 * {@code manufacturer_id}). {@code other_ips} and {@code tags} are comma-separated;
 * {@code custom_fields} is a JSON object. A row updates the asset of its {@code id}, else the one
 * with its {@code asset_tag}, else the one with its {@code serial} for that manufacturer, else
 * creates one.
 */
@ApplicationScoped
public class AssetCsv implements CsvTable<Asset> {

    private static final List<String> COLUMNS = List.of("id", "hostname", "asset_tag", "serial", "manufacturer", "model",
            "status", "site", "rack", "position", "face", "mgmt_ip", "other_ips", "purchase_date", "warranty_end", "owner",
            "notes", "tags", "custom_fields");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AssetService assets;
    private final MergePatch validation;

    public AssetCsv(AssetService assets, MergePatch validation) {
        this.assets = assets;
        this.validation = validation;
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
        return AssetService.FILTERS;
    }

    @Override
    public String from() {
        return "from Asset a";
    }

    @Override
    public List<String> row(Asset a) {
        List<String> others = JsonColumns.list(a.otherIps);
        return Arrays.asList(Cells.of(a.id), a.hostname, a.assetTag, a.serial, a.manufacturer.name, a.model.name,
                Cells.of(a.status), a.site == null ? null : a.site.name, a.rack == null ? null : a.rack.name,
                Cells.of(a.position), Cells.of(a.face), a.mgmtIp, others.isEmpty() ? null : String.join(",", others),
                Cells.of(a.purchaseDate), Cells.of(a.warrantyEnd), a.owner, a.notes,
                a.tags.isEmpty() ? null : String.join(",", new TreeSet<>(a.tags)), a.customFields);
    }

    @Override
    public boolean apply(CsvRow row) {
        Manufacturer manufacturer = Relations.manufacturer(row);
        HardwareModel model = Relations.model(row, manufacturer);
        if (manufacturer == null && model != null) {
            manufacturer = model.manufacturer;
        }
        Site site = Relations.site(row);
        Rack rack = Relations.rack(row, site);
        Asset existing = find(row, manufacturer);
        AssetInput base = existing != null ? existing.input()
                : new AssetInput(null, null, null, null, AssetStatus.ACTIVE, null, null, null, null, null, null, null, null,
                        null, null, null, null);
        boolean placementGiven = row.has("rack") || row.has("rack_id");
        AssetInput input = new AssetInput(
                row.text("hostname", base.hostname()),
                row.text("asset_tag", base.assetTag()),
                row.text("serial", base.serial()),
                model != null ? model.id : base.modelId(),
                row.has("status") ? orDefault(row.choice("status", AssetStatus.class), AssetStatus.ACTIVE) : base.status(),
                site != null ? site.id : (row.has("site") || row.has("site_id") ? null : base.siteId()),
                rack != null ? rack.id : (placementGiven ? null : base.rackId()),
                row.has("position") ? row.decimal("position") : base.position(),
                row.has("face") ? row.choice("face", Face.class) : base.face(),
                row.text("mgmt_ip", base.mgmtIp()),
                row.has("other_ips") ? row.list("other_ips") : base.otherIps(),
                row.has("purchase_date") ? row.date("purchase_date") : base.purchaseDate(),
                row.has("warranty_end") ? row.date("warranty_end") : base.warrantyEnd(),
                row.text("owner", base.owner()),
                row.text("notes", base.notes()),
                row.has("tags") ? row.list("tags") : base.tags(),
                row.has("custom_fields") ? customFields(row) : base.customFields());
        if (input.modelId() == null) {
            throw new CellException("model", "is required");
        }
        validation.validate(input);
        if (existing == null) {
            assets.createEntity(input);
            return true;
        }
        assets.updateEntity(existing, input, null);
        return false;
    }

    private static Asset find(CsvRow row, Manufacturer manufacturer) {
        Long id = row.integer("id");
        if (id != null) {
            Asset asset = Asset.findById(id);
            if (asset == null) {
                throw new CellException("id", "asset " + id + " does not exist");
            }
            return asset;
        }
        String tag = row.text("asset_tag");
        if (tag != null) {
            Asset asset = Asset.find("assetTag", tag).firstResult();
            if (asset != null) {
                return asset;
            }
        }
        String serial = row.text("serial");
        if (serial != null && manufacturer != null) {
            return Asset.find("manufacturer.id = ?1 and serial = ?2", manufacturer.id, serial).firstResult();
        }
        return null;
    }

    private static Map<String, Object> customFields(CsvRow row) {
        String text = row.text("custom_fields");
        if (text == null) {
            return null;
        }
        try {
            return JSON.readValue(text, new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new CellException("custom_fields", "must be a JSON object, e.g. {\"cost_center\":\"IT-42\"}");
        }
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
