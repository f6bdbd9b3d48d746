package io.infrasystem.inventory.asset;

import io.infrasystem.commons.audit.Change;
import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.crud.CrudKind;
import io.infrasystem.commons.crud.EntityCrudService;
import io.infrasystem.commons.crud.References;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.commons.problem.Problem.FieldError;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.inventory.devicetype.DeviceCategory;
import io.infrasystem.inventory.model.HardwareModel;
import io.infrasystem.inventory.rack.Rack;
import io.infrasystem.inventory.site.Site;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Assets: list, read, create, update, delete. A write that changes the placement is recorded as
 * {@code inventory.asset.moved} (its changes carry old and new {@code rack_id}, {@code position},
 * {@code face}); other writes as {@code created}/{@code updated}/{@code deleted}.
 */
@ApplicationScoped
public class AssetService extends EntityCrudService<Asset, AssetDto, AssetInput> {

    /** Assets; the filters are those of asset lists and the asset CSV export. */
    static final CrudKind<Asset, AssetDto, AssetInput> KIND = CrudKind.of("asset", Asset.class, AssetInput.class)
            .listedBy(CrudKind.filters("a", "id")
                    .fields(FilterField::text, "hostname", "asset_tag", "serial", "owner", "mgmt_ip")
                    .fields(FilterField::decimal, "position")
                    .fields(FilterField::date, "purchase_date", "warranty_end")
                    .field(FilterField.choice("status", "a.status", AssetStatus.class))
                    .relation("site", "a.site", "Site", "slug", "name")
                    .relation("rack", "a.rack", "Rack", "name")
                    .relation("model", "a.model", "HardwareModel", "name")
                    .relation("manufacturer", "a.manufacturer", "Manufacturer", "slug", "name")
                    .field(FilterField.membership(
                            "category",
                            "exists (select 1 from HardwareModel m where m = a.model and m.deviceType.category in (:values))",
                            v -> DeviceCategory.of(v)))
                    .field(FilterField.choice("face", "a.face", Face.class))
                    .field(FilterField.membership(
                            "tag",
                            "exists (select 1 from Asset t join t.tags g where t = a and g in (:values))",
                            v -> v))
                    .search("a.hostname", "a.assetTag", "a.serial", "a.owner", "a.mgmtIp", "a.notes"))
            .entity(Asset::new, Asset::dto, Asset::input);

    private final PlacementRules rules;

    public AssetService(ChangeRecorder changes, MergePatch mergePatch, PlacementRules rules) {
        super(changes, mergePatch, KIND);
        this.rules = rules;
    }

    /** An update that changes rack, position or face is recorded as {@code moved}. */
    @Override
    protected Change updateChange(Asset asset, AssetDto before, AssetDto after) {
        return change(before, after);
    }

    /**
     * Checks and applies an input: 400 for invalid fields or placement, 409 for a duplicate asset
     * tag or serial, or a placement that collides.
     */
    @Override
    protected void apply(Asset asset, AssetInput input) {
        HardwareModel model = References.require(HardwareModel.class, "model", "model_id", input.modelId());
        Rack rack = References.optional(Rack.class, "rack", "rack_id", input.rackId());
        Site named = input.siteId() == null ? null : Site.findById(input.siteId());
        check(input, named, rack);
        String assetTag = blankToNull(input.assetTag());
        String serial = blankToNull(input.serial());
        checkUnique(asset, assetTag, serial, model);

        PlannedPlacement placement = new PlannedPlacement(
                asset.id, label(input, asset), rack, input.position(), input.face(), model.uHeight, model.fullDepth);
        rules.checkShape(placement, "");
        boolean placementChanged = asset.id == null
                || !Objects.equals(asset.rack, rack)
                || !Objects.equals(asset.position, input.position())
                || asset.face != input.face()
                || !model.equals(asset.model);
        if (placementChanged) {
            rules.checkCollisions(List.of(placement));
        }
        assign(asset, input, model, named != null ? named : rack == null ? null : rack.site, rack);
    }

    /**
     * Checks the fields of an input that need no database: the site against the rack's, IP
     * addresses, custom field values, warranty after purchase.
     *
     * @param site the site {@code input.siteId()} names, {@code null} when there is none or it does not exist
     * @param rack the rack {@code input.rackId()} names, {@code null} when there is none
     * @throws ProblemException 400 listing every bad field
     */
    public static void check(AssetInput input, Site site, Rack rack) {
        List<FieldError> errors = new ArrayList<>();
        if (input.siteId() != null) {
            if (site == null) {
                errors.add(new FieldError("site_id", "site " + input.siteId() + " does not exist"));
            } else if (rack != null && !site.id.equals(rack.site.id)) {
                errors.add(new FieldError("site_id", "rack " + rack.name + " is at site " + rack.site.name));
            }
        }
        if (input.mgmtIp() != null
                && !input.mgmtIp().isBlank()
                && !IpAddresses.isValid(input.mgmtIp().strip())) {
            errors.add(new FieldError("mgmt_ip", "must be an IPv4 or IPv6 address"));
        }
        List<String> others = input.otherIps() == null ? List.of() : input.otherIps();
        for (int i = 0; i < others.size(); i++) {
            if (!IpAddresses.isValid(others.get(i).strip())) {
                errors.add(new FieldError("other_ips[" + i + "]", "must be an IPv4 or IPv6 address"));
            }
        }
        if (input.customFields() != null) {
            for (Map.Entry<String, Object> field : input.customFields().entrySet()) {
                Object value = field.getValue();
                if (value != null
                        && !(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                    errors.add(
                            new FieldError("custom_fields." + field.getKey(), "must be a string, number or boolean"));
                }
            }
        }
        if (input.purchaseDate() != null
                && input.warrantyEnd() != null
                && input.warrantyEnd().isBefore(input.purchaseDate())) {
            errors.add(new FieldError("warranty_end", "must not be before purchase_date"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /**
     * Sets an asset's fields from a checked input (no database access; bulk imports use it on
     * detached assets).
     *
     * @param site the asset's site (the named one, else the rack's), or {@code null}
     */
    public static void assign(Asset asset, AssetInput input, HardwareModel model, Site site, Rack rack) {
        asset.hostname = blankToNull(input.hostname());
        asset.assetTag = blankToNull(input.assetTag());
        asset.serial = blankToNull(input.serial());
        asset.model = model;
        asset.manufacturer = model.manufacturer;
        asset.status = input.status();
        asset.site = site;
        asset.rack = rack;
        asset.position = input.position() == null ? null : input.position().setScale(1);
        asset.face = input.face();
        asset.mgmtIp = blankToNull(input.mgmtIp());
        asset.otherIps = JsonColumns.ofList(
                input.otherIps() == null
                        ? List.of()
                        : input.otherIps().stream().map(String::strip).toList());
        asset.purchaseDate = input.purchaseDate();
        asset.warrantyEnd = input.warrantyEnd();
        asset.owner = blankToNull(input.owner());
        asset.notes = blankToNull(input.notes());
        TreeSet<String> tags = input.tags() == null
                ? new TreeSet<>()
                : new TreeSet<>(input.tags().stream().map(String::strip).toList());
        if (!new TreeSet<>(asset.tags).equals(tags)) {
            asset.tags.clear();
            asset.tags.addAll(tags);
        }
        asset.customFields = JsonColumns.ofMap(input.customFields());
    }

    /**
     * @return the change from {@code before} to {@code after}: {@code moved} when rack, position
     *     or face differ, else {@code updated}
     */
    public static Change change(AssetDto before, AssetDto after) {
        boolean moved = !Objects.equals(before.rackId(), after.rackId())
                || !Objects.equals(before.position(), after.position())
                || before.face() != after.face();
        return moved
                ? new Change("asset", String.valueOf(after.id()), "moved", before, after, null)
                : Change.updated("asset", after.id(), before, after);
    }

    private static void checkUnique(Asset asset, String assetTag, String serial, HardwareModel model) {
        if (assetTag != null) {
            Asset holder = Asset.find("assetTag", assetTag).firstResult();
            if (holder != null && !holder.id.equals(asset.id)) {
                throw new ProblemException(
                        io.infrasystem.commons.problem.ProblemKind.CONFLICT,
                        "asset tag " + assetTag + " is already used by asset " + holder.id,
                        List.of(new FieldError("asset_tag", "already used by asset " + holder.id)));
            }
        }
        if (serial != null) {
            Asset holder = Asset.find("manufacturer.id = ?1 and serial = ?2", model.manufacturer.id, serial)
                    .firstResult();
            if (holder != null && !holder.id.equals(asset.id)) {
                throw new ProblemException(
                        io.infrasystem.commons.problem.ProblemKind.CONFLICT,
                        "serial " + serial + " of " + model.manufacturer.name + " is already used by asset "
                                + holder.id,
                        List.of(new FieldError("serial", "already used by asset " + holder.id)));
            }
        }
    }

    /** @return how messages name an asset being written: hostname, else asset tag, else {@code #id} */
    public static String label(AssetInput input, Asset asset) {
        if (input.hostname() != null && !input.hostname().isBlank()) {
            return input.hostname();
        }
        if (input.assetTag() != null && !input.assetTag().isBlank()) {
            return input.assetTag();
        }
        return asset.id == null ? "new asset" : "#" + asset.id;
    }

    /** @return the stripped value, {@code null} when blank */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
