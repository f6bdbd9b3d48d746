package io.infrasystem.inventory.devicetype;

import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.crud.CrudKind;
import io.infrasystem.commons.crud.EntityCrudService;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.filter.FilterSpec;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Device types: list, read, create, update, delete. */
@ApplicationScoped
public class DeviceTypeService extends EntityCrudService<DeviceType, DeviceTypeDto, DeviceTypeInput> {

    static final FilterSpec FILTERS = FilterSpec.builder("t.id")
            .field(FilterField.integer("id", "t.id"))
            .field(FilterField.text("name", "t.name"))
            .field(FilterField.choice("category", "t.category", DeviceCategory.class))
            .search("t.name", "t.description")
            .defaultOrdering("name")
            .build();

    private static final CrudKind<DeviceType, DeviceTypeDto, DeviceTypeInput> KIND = new CrudKind<>(
            "device_type",
            "device type",
            DeviceType.class,
            DeviceTypeInput.class,
            DeviceType::new,
            DeviceType::dto,
            DeviceType::input,
            FILTERS,
            (q, p) -> DeviceType.find("from DeviceType t where " + q, p));

    @Inject
    public DeviceTypeService(ChangeRecorder changes, MergePatch mergePatch) {
        super(changes, mergePatch, KIND);
    }

    /** For the CDI client proxy only. */
    protected DeviceTypeService() {}

    /** @return the device type of that name, created with {@code category} when missing */
    public DeviceType findOrCreate(String name, DeviceCategory category) {
        return DeviceType.findByName(name)
                .orElseGet(() -> createEntity(new DeviceTypeInput(name.strip(), category, null)));
    }

    /** A device type that still has models cannot be deleted (409). */
    @Override
    protected void checkDeletable(DeviceType type) {
        long models = DeviceType.getEntityManager()
                .createQuery("select count(m) from HardwareModel m where m.deviceType.id = :id", Long.class)
                .setParameter("id", type.id)
                .getSingleResult();
        if (models > 0) {
            throw ProblemException.conflict("device type " + type.id + " still has " + models + " model(s)");
        }
    }

    @Override
    protected void apply(DeviceType type, DeviceTypeInput input) {
        type.name = input.name().strip();
        type.category = input.category();
        type.description = input.description();
    }
}
