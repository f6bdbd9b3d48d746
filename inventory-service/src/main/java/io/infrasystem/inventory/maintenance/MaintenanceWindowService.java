package io.infrasystem.inventory.maintenance;

import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.crud.CrudKind;
import io.infrasystem.commons.crud.EntityCrudService;
import io.infrasystem.commons.crud.References;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.inventory.asset.Asset;
import io.infrasystem.inventory.rack.Rack;
import io.infrasystem.inventory.site.Site;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Maintenance windows: list (filter {@code starts_at__lte=…&ends_at__gte=…} for the windows
 * overlapping a period, {@code state=scheduled|in_progress|ended} and {@code state__n} for where
 * they stand now), read, create, update, delete.
 */
@ApplicationScoped
public class MaintenanceWindowService
        extends EntityCrudService<MaintenanceWindow, MaintenanceWindowDto, MaintenanceWindowInput> {

    /**
     * The state as the database computes it at query time, the same rule as
     * {@link MaintenanceWindow#state}; the columns hold UTC, hence {@code utc_timestamp()} (whole
     * seconds: a window that starts or ends within the current second may be listed under its
     * neighbouring state).
     */
    private static final String STATE = "(case when w.startsAt > utc_timestamp() then 'scheduled'"
            + " when w.endsAt > utc_timestamp() then 'in_progress' else 'ended' end)";

    static final CrudKind<MaintenanceWindow, MaintenanceWindowDto, MaintenanceWindowInput> KIND = CrudKind.of(
                    "maintenance_window", MaintenanceWindow.class, MaintenanceWindowInput.class)
            .listedBy(CrudKind.filters("w", "starts_at")
                    .fields(FilterField::timestamp, "starts_at", "ends_at")
                    .relation("site", "w.site", "Site", "slug", "name")
                    .field(FilterField.integer("rack_id", "w.rack.id"))
                    .field(FilterField.integer("asset_id", "w.asset.id"))
                    .field(FilterField.choice(
                            "state",
                            STATE,
                            java.util.Arrays.stream(WindowState.values())
                                    .map(WindowState::wire)
                                    .collect(java.util.stream.Collectors.toSet())))
                    .search("w.description"))
            .entity(MaintenanceWindow::new, MaintenanceWindow::dto, MaintenanceWindow::input);

    public MaintenanceWindowService(ChangeRecorder changes, MergePatch mergePatch) {
        super(changes, mergePatch, KIND);
    }

    @Override
    protected void apply(MaintenanceWindow window, MaintenanceWindowInput input) {
        if (!input.endsAt().isAfter(input.startsAt())) {
            throw ProblemException.invalid("ends_at", "must be after starts_at");
        }
        if (input.rackId() != null && input.assetId() != null) {
            throw ProblemException.invalid("asset_id", "give a rack or an asset, not both");
        }
        window.site = References.require(Site.class, "site", "site_id", input.siteId());
        Rack rack = References.optional(Rack.class, "rack", "rack_id", input.rackId());
        if (rack != null && !rack.site.id.equals(window.site.id)) {
            throw ProblemException.invalid("rack_id", "rack " + rack.name + " is at site " + rack.site.name);
        }
        window.rack = rack;
        Asset asset = References.optional(Asset.class, "asset", "asset_id", input.assetId());
        if (asset != null && asset.site != null && !asset.site.id.equals(window.site.id)) {
            throw ProblemException.invalid("asset_id", "asset " + asset.id + " is at site " + asset.site.name);
        }
        window.asset = asset;
        window.startsAt = input.startsAt();
        window.endsAt = input.endsAt();
        window.timeZone = input.timeZone();
        window.description = input.description();
    }
}
