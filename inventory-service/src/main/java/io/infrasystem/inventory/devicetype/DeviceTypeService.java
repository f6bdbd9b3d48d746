package io.infrasystem.inventory.devicetype;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrasystem.commons.audit.Change;
import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.filter.FilterSpec;
import io.infrasystem.commons.http.Versions;
import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.inventory.common.Lists;
import io.infrasystem.commons.http.MergePatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;

/** Device types: list, read, create, update, delete. */
@ApplicationScoped
public class DeviceTypeService implements io.infrasystem.inventory.common.CrudService<DeviceTypeDto, DeviceTypeInput> {

    static final FilterSpec FILTERS = FilterSpec.builder("t.id")
            .field(FilterField.integer("id", "t.id"))
            .field(FilterField.text("name", "t.name"))
            .field(FilterField.choice("category", "t.category", DeviceCategory.class))
            .search("t.name", "t.description")
            .defaultOrdering("name")
            .build();

    private final ChangeRecorder changes;
    private final MergePatch mergePatch;

    public DeviceTypeService(ChangeRecorder changes, MergePatch mergePatch) {
        this.changes = changes;
        this.mergePatch = mergePatch;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public Page<DeviceTypeDto> list(UriInfo uri) {
        return Lists.page(FILTERS, uri, (q, p) -> DeviceType.find("from DeviceType t where " + q, p), DeviceType::dto);
    }

    /** @throws ProblemException 404 when there is no such device type */
    public DeviceType require(long id) {
        return DeviceType.<DeviceType>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("device type", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public DeviceTypeDto get(long id) {
        return require(id).dto();
    }

    @Transactional
    @Override
    public DeviceTypeDto create(DeviceTypeInput input) {
        return createEntity(input).dto();
    }

    /** Creates a device type; call inside a transaction (the change is recorded in it). */
    public DeviceType createEntity(DeviceTypeInput input) {
        DeviceType type = new DeviceType();
        apply(type, input);
        type.persistAndFlush();
        changes.record(Change.created("device_type", type.id, type.dto()));
        return type;
    }

    /** @return the device type of that name, created with {@code category} when missing */
    public DeviceType findOrCreate(String name, DeviceCategory category) {
        return DeviceType.findByName(name).orElseGet(() -> createEntity(new DeviceTypeInput(name.strip(), category, null)));
    }

    @Transactional
    @Override
    public DeviceTypeDto update(long id, DeviceTypeInput input, String ifMatch) {
        DeviceType type = require(id);
        Versions.checkIfMatch(ifMatch, type.version);
        DeviceTypeDto before = type.dto();
        apply(type, input);
        type.flush();
        changes.record(Change.updated("device_type", id, before, type.dto()));
        return type.dto();
    }

    @Transactional
    @Override
    public DeviceTypeDto patch(long id, JsonNode patch, String ifMatch) {
        return update(id, mergePatch.apply(require(id).input(), patch, DeviceTypeInput.class), ifMatch);
    }

    /** Deletes a device type that has no models (409 otherwise). */
    @Transactional
    @Override
    public void delete(long id, String ifMatch) {
        DeviceType type = require(id);
        Versions.checkIfMatch(ifMatch, type.version);
        long models = DeviceType.getEntityManager()
                .createQuery("select count(m) from HardwareModel m where m.deviceType.id = :id", Long.class)
                .setParameter("id", id).getSingleResult();
        if (models > 0) {
            throw ProblemException.conflict("device type " + id + " still has " + models + " model(s)");
        }
        DeviceTypeDto before = type.dto();
        type.delete();
        type.flush();
        changes.record(Change.deleted("device_type", id, before));
    }

    private static void apply(DeviceType type, DeviceTypeInput input) {
        type.name = input.name().strip();
        type.category = input.category();
        type.description = input.description();
    }
}
