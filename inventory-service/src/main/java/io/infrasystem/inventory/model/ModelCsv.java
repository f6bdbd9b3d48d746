package io.infrasystem.inventory.model;

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
import io.infrasystem.inventory.devicetype.DeviceType;
import io.infrasystem.inventory.manufacturer.Manufacturer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Models as CSV: {@code id, manufacturer, device_type, name, part_number, u_height,
 * is_full_depth, end_of_sale, end_of_support, notes, colour} (import also takes {@code manufacturer_id},
 * {@code device_type_id}). A row updates the model of its {@code id}, else the model of that name
 * for that manufacturer, else creates one. An empty {@code end_of_support} means unknown.
 */
@ApplicationScoped
public class ModelCsv implements CsvTable<HardwareModel> {

    private static final List<String> COLUMNS = List.of(
            "id",
            "manufacturer",
            "device_type",
            "name",
            "part_number",
            "u_height",
            "is_full_depth",
            "end_of_sale",
            "end_of_support",
            "notes",
            "colour");

    private final CsvUpsert<HardwareModel, ModelInput> upsert;

    public ModelCsv(HardwareModelService models, MergePatch validation) {
        this.upsert = new CsvUpsert<>(HardwareModel.class, "model", models, validation);
    }

    @Override
    public String kind() {
        return "models";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> idColumns() {
        return List.of("manufacturer_id", "device_type_id");
    }

    @Override
    public FilterSpec filters() {
        return HardwareModelService.KIND.filters();
    }

    @Override
    public String from() {
        return "from HardwareModel m";
    }

    @Override
    public List<String> row(HardwareModel m) {
        return Arrays.asList(
                Cells.of(m.id),
                m.manufacturer.name,
                m.deviceType.name,
                m.name,
                m.partNumber,
                Cells.of(m.uHeight),
                Cells.of(m.fullDepth),
                Cells.of(m.endOfSale),
                Cells.of(m.endOfSupport),
                m.notes,
                m.colour);
    }

    @Override
    public RowCounts importRows(List<CsvRow> rows, List<ImportError> errors) {
        CsvRelation<Manufacturer> manufacturers = Manufacturer.csvRelation();
        CsvRelation<DeviceType> deviceTypes = DeviceType.csvRelation();
        return RowByRow.importRows(rows, errors, row -> apply(row, manufacturers, deviceTypes));
    }

    private boolean apply(CsvRow row, CsvRelation<Manufacturer> manufacturers, CsvRelation<DeviceType> deviceTypes) {
        Manufacturer manufacturer = manufacturers.resolve(row);
        DeviceType deviceType = deviceTypes.resolve(row);
        return upsert.write(row, () -> byName(manufacturer, row.text("name")), existing -> {
            ModelInput base = existing != null
                    ? existing.input()
                    : new ModelInput(null, null, null, null, null, null, null, null, null, null);
            ModelInput input = new ModelInput(
                    manufacturer != null ? manufacturer.id : base.manufacturerId(),
                    deviceType != null ? deviceType.id : base.deviceTypeId(),
                    row.text("name", base.name()),
                    row.text("part_number", base.partNumber()),
                    row.decimal("u_height", base.uHeight()),
                    row.bool("is_full_depth", base.isFullDepth()),
                    row.date("end_of_sale", base.endOfSale()),
                    row.date("end_of_support", base.endOfSupport()),
                    row.text("notes", base.notes()),
                    row.text("colour", base.colour()));
            if (input.manufacturerId() == null) {
                throw new CellException("manufacturer", "is required");
            }
            if (input.deviceTypeId() == null) {
                throw new CellException("device_type", "is required");
            }
            return input;
        });
    }

    /** @return the model of that name (any case) for that manufacturer, {@code null} when either is missing */
    private static HardwareModel byName(Manufacturer manufacturer, String name) {
        if (manufacturer == null || name == null) {
            return null;
        }
        return HardwareModel.find(
                        "manufacturer.id = ?1 and lower(name) = ?2", manufacturer.id, name.toLowerCase(Locale.ROOT))
                .firstResult();
    }
}
