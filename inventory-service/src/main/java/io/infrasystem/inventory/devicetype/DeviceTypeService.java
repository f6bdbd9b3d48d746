package io.infrasystem.inventory.devicetype;

import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.crud.CrudKind;
import io.infrasystem.commons.crud.EntityCrudService;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.http.MergePatch;
import jakarta.enterprise.context.ApplicationScoped;

/** Device types: list, read, create, update, delete. */
@ApplicationScoped
public class DeviceTypeService extends EntityCrudService<DeviceType, DeviceTypeDto, DeviceTypeInput> {

    static final CrudKind<DeviceType, DeviceTypeDto, DeviceTypeInput> KIND = CrudKind.of(
                    "device_type", DeviceType.class, DeviceTypeInput.class)
            .listedBy(CrudKind.filters("t", "name")
                    .field(FilterField.choice("category", "t.category", DeviceCategory.class))
                    .fields(FilterField::text, "name")
                    .search("t.name", "t.description"))
            .entity(DeviceType::new, DeviceType::dto, DeviceType::input)
            .deletableUnless(
                    "select count(m) from HardwareModel m where m.deviceType.id = :id",
                    (type, models) -> "device type " + type.id + " still has " + models + " model(s)");

    public DeviceTypeService(ChangeRecorder changes, MergePatch mergePatch) {
        super(changes, mergePatch, KIND);
    }

    /** @return the device type of that name, created with {@code category} when missing */
    public DeviceType findOrCreate(String name, DeviceCategory category) {
        return DeviceType.findByName(name)
                .orElseGet(() -> createEntity(new DeviceTypeInput(name.strip(), category, null)));
    }

    @Override
    protected void apply(DeviceType type, DeviceTypeInput input) {
        type.name = input.name().strip();
        type.category = input.category();
        type.description = input.description();
    }
}
