package io.infrasystem.inventory.devicetype;

import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.filter.FilterSpec;
import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.inventory.common.EntityCrudService;
import io.infrasystem.inventory.common.Lists;
import io.infrasystem.commons.http.MergePatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;

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

    @Inject
    public DeviceTypeService(ChangeRecorder changes, MergePatch mergePatch) {
        super(changes, mergePatch, DeviceType.class, DeviceTypeInput.class, "device_type", "device type");
    }

    /** For the CDI client proxy only. */
    protected DeviceTypeService() {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public Page<DeviceTypeDto> list(UriInfo uri) {
        return Lists.page(FILTERS, uri, (q, p) -> DeviceType.find("from DeviceType t where " + q, p), DeviceType::dto);
    }

    /** @return the device type of that name, created with {@code category} when missing */
    public DeviceType findOrCreate(String name, DeviceCategory category) {
        return DeviceType.findByName(name).orElseGet(() -> createEntity(new DeviceTypeInput(name.strip(), category, null)));
    }

    @Override
    protected DeviceTypeDto dto(DeviceType type) {
        return type.dto();
    }

    @Override
    protected DeviceTypeInput input(DeviceType type) {
        return type.input();
    }

    @Override
    protected DeviceType newEntity() {
        return new DeviceType();
    }

    /** A device type that still has models cannot be deleted (409). */
    @Override
    protected void checkDeletable(DeviceType type) {
        long models = DeviceType.getEntityManager()
                .createQuery("select count(m) from HardwareModel m where m.deviceType.id = :id", Long.class)
                .setParameter("id", type.id).getSingleResult();
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
