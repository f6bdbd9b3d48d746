package io.infrasystem.inventory.rack;

import io.infrasystem.commons.filter.FilterSpec;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.inventory.csv.CellException;
import io.infrasystem.inventory.csv.Cells;
import io.infrasystem.inventory.csv.CsvRelation;
import io.infrasystem.inventory.csv.CsvRow;
import io.infrasystem.inventory.csv.CsvTable;
import io.infrasystem.inventory.csv.CsvUpsert;
import io.infrasystem.inventory.csv.ImportError;
import io.infrasystem.inventory.csv.RowByRow;
import io.infrasystem.inventory.csv.RowCounts;
import io.infrasystem.inventory.site.Site;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;

/**
 * Racks as CSV: {@code id, site, name, facility_id, status, u_height, starting_unit, desc_units,
 * width_in, outer_depth_mm, description} (import also takes {@code site_id}). A row updates the
 * rack of its {@code id}, else the rack of that name at that site, else creates one. The NetBox
 * rack import header ({@code site, location, group, name, status, width, u_height, …}) maps
 * {@code width} to {@code width_in}; NetBox-only columns are refused as unknown.
 */
@ApplicationScoped
public class RackCsv implements CsvTable<Rack> {

    private static final List<String> COLUMNS = List.of(
            "id",
            "site",
            "name",
            "facility_id",
            "status",
            "u_height",
            "starting_unit",
            "desc_units",
            "width_in",
            "outer_depth_mm",
            "description");

    private final CsvUpsert<Rack, RackInput> upsert;

    public RackCsv(RackService racks, MergePatch validation) {
        this.upsert = new CsvUpsert<>(Rack.class, "rack", racks, validation);
    }

    @Override
    public String kind() {
        return "racks";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> idColumns() {
        return List.of("site_id");
    }

    @Override
    public FilterSpec filters() {
        return RackService.KIND.filters();
    }

    @Override
    public String from() {
        return "from Rack r";
    }

    @Override
    public List<String> row(Rack r) {
        return Arrays.asList(
                Cells.of(r.id),
                r.site.name,
                r.name,
                r.facilityId,
                Cells.of(r.status),
                Cells.of(r.uHeight),
                Cells.of(r.startingUnit),
                Cells.of(r.descUnits),
                Cells.of(r.widthIn),
                Cells.of(r.outerDepthMm),
                r.description);
    }

    @Override
    public RowCounts importRows(List<CsvRow> rows, List<ImportError> errors) {
        CsvRelation<Site> sites = Site.csvRelation();
        return RowByRow.importRows(rows, errors, row -> apply(row, sites));
    }

    private boolean apply(CsvRow row, CsvRelation<Site> sites) {
        Site site = sites.resolve(row);
        return upsert.write(row, () -> byName(site, row.text("name")), existing -> {
            RackInput base = existing != null
                    ? existing.input()
                    : new RackInput(null, null, null, RackStatus.ACTIVE, null, null, null, null, null, null);
            RackInput input = new RackInput(
                    site != null ? site.id : (row.has("site") || row.has("site_id") ? null : base.siteId()),
                    row.text("name", base.name()),
                    row.text("facility_id", base.facilityId()),
                    row.choice("status", RackStatus.class, base.status()),
                    row.smallInteger("u_height", base.uHeight()),
                    row.smallInteger("starting_unit", base.startingUnit()),
                    row.bool("desc_units", base.descUnits()),
                    row.smallInteger("width_in", base.widthIn()),
                    row.smallInteger("outer_depth_mm", base.outerDepthMm()),
                    row.text("description", base.description()));
            if (input.siteId() == null) {
                throw new CellException("site", "is required");
            }
            return input;
        });
    }

    /** @return the rack of that name at that site, {@code null} when either is missing */
    private static Rack byName(Site site, String name) {
        if (site == null || name == null) {
            return null;
        }
        return Rack.find("site.id = ?1 and name = ?2", site.id, name).firstResult();
    }
}
