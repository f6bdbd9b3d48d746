package io.infrasystem.inventory.model;

import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.crud.CrudKind;
import io.infrasystem.commons.crud.EntityCrudService;
import io.infrasystem.commons.crud.References;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.inventory.devicetype.DeviceCategory;
import io.infrasystem.inventory.devicetype.DeviceType;
import io.infrasystem.inventory.manufacturer.Manufacturer;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Objects;

/** Models: list, read, create, update (size frozen while placed), delete. */
@ApplicationScoped
public class HardwareModelService extends EntityCrudService<HardwareModel, ModelDto, ModelInput> {

    /** Models; the filters are those of model lists and the model CSV export. */
    static final CrudKind<HardwareModel, ModelDto, ModelInput> KIND = CrudKind.of(
                    "model", HardwareModel.class, ModelInput.class)
            .listedBy(CrudKind.filters("m", "name")
                    .search("m.name", "m.partNumber", "m.notes", "m.manufacturer.name")
                    .fields(FilterField::text, "name", "part_number")
                    .fields(FilterField::decimal, "u_height")
                    .fields(FilterField::date, "end_of_sale", "end_of_support")
                    .relation("manufacturer", "m.manufacturer", "Manufacturer", "slug", "name")
                    .relation("device_type", "m.deviceType", "DeviceType", "name")
                    .field(FilterField.choice("category", "m.deviceType.category", DeviceCategory.class))
                    .field(FilterField.bool("is_full_depth", "m.fullDepth")))
            .entity(HardwareModel::new, HardwareModel::dto, HardwareModel::input)
            .deletableUnless(
                    "select count(a) from Asset a where a.model.id = :id",
                    (model, assets) -> "model " + model.id + " is used by " + assets + " asset(s)");

    public HardwareModelService(ChangeRecorder changes, MergePatch mergePatch) {
        super(changes, mergePatch, KIND);
    }

    /**
     * Also, for a stored model: 409 when its height or depth would change while assets of it are
     * placed in racks (their placement was checked against the old size).
     */
    @Override
    protected void apply(HardwareModel model, ModelInput input) {
        BigDecimal oldHeight = model.uHeight;
        boolean oldDepth = model.fullDepth;
        model.manufacturer =
                References.require(Manufacturer.class, "manufacturer", "manufacturer_id", input.manufacturerId());
        model.deviceType = References.require(DeviceType.class, "device type", "device_type_id", input.deviceTypeId());
        model.name = input.name().strip();
        model.partNumber = input.partNumber() == null || input.partNumber().isBlank()
                ? null
                : input.partNumber().strip();
        model.uHeight =
                Objects.requireNonNullElse(input.uHeight(), BigDecimal.ONE).setScale(1);
        model.fullDepth = !Boolean.FALSE.equals(input.isFullDepth());
        model.endOfSale = input.endOfSale();
        model.endOfSupport = input.endOfSupport();
        model.notes = input.notes();
        model.colour = input.colour() == null ? null : input.colour().toLowerCase(java.util.Locale.ROOT);
        if (model.endOfSale != null && model.endOfSupport != null && model.endOfSupport.isBefore(model.endOfSale)) {
            throw ProblemException.invalid("end_of_support", "must not be before end_of_sale");
        }
        if (model.id != null && (oldHeight.compareTo(model.uHeight) != 0 || oldDepth != model.fullDepth)) {
            refuseWhileReferenced(
                    "select count(a) from Asset a where a.model.id = :id and a.position is not null",
                    model,
                    placed -> "model " + model.id + " has " + placed
                            + " asset(s) placed in racks; its u_height and is_full_depth cannot change");
        }
    }
}
