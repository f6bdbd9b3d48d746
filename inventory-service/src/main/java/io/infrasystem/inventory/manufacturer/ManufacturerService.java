package io.infrasystem.inventory.manufacturer;

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
import io.infrasystem.inventory.common.Slugs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;

/** Manufacturers: list, read, create (also on demand for imports), update, delete. */
@ApplicationScoped
public class ManufacturerService implements io.infrasystem.inventory.common.CrudService<ManufacturerDto, ManufacturerInput> {

    static final FilterSpec FILTERS = FilterSpec.builder("m.id")
            .field(FilterField.integer("id", "m.id"))
            .field(FilterField.text("name", "m.name"))
            .field(FilterField.text("slug", "m.slug"))
            .search("m.name", "m.slug", "m.description")
            .defaultOrdering("name")
            .build();

    private final ChangeRecorder changes;
    private final MergePatch mergePatch;

    public ManufacturerService(ChangeRecorder changes, MergePatch mergePatch) {
        this.changes = changes;
        this.mergePatch = mergePatch;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public Page<ManufacturerDto> list(UriInfo uri) {
        return Lists.page(FILTERS, uri, (q, p) -> Manufacturer.find("from Manufacturer m where " + q, p),
                Manufacturer::dto);
    }

    /** @throws ProblemException 404 when there is no such manufacturer */
    public Manufacturer require(long id) {
        return Manufacturer.<Manufacturer>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("manufacturer", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public ManufacturerDto get(long id) {
        return require(id).dto();
    }

    @Transactional
    @Override
    public ManufacturerDto create(ManufacturerInput input) {
        return createEntity(input).dto();
    }

    /** Creates a manufacturer; call inside a transaction (the change is recorded in it). */
    public Manufacturer createEntity(ManufacturerInput input) {
        Manufacturer manufacturer = new Manufacturer();
        apply(manufacturer, input);
        manufacturer.persistAndFlush();
        changes.record(Change.created("manufacturer", manufacturer.id, manufacturer.dto()));
        return manufacturer;
    }

    /** @return the manufacturer named {@code name}, created when it does not exist yet */
    public Manufacturer findOrCreate(String name) {
        return Manufacturer.findByName(name).orElseGet(() -> createEntity(new ManufacturerInput(name.strip(), null, null)));
    }

    @Transactional
    @Override
    public ManufacturerDto update(long id, ManufacturerInput input, String ifMatch) {
        Manufacturer manufacturer = require(id);
        Versions.checkIfMatch(ifMatch, manufacturer.version);
        ManufacturerDto before = manufacturer.dto();
        apply(manufacturer, input);
        manufacturer.flush();
        changes.record(Change.updated("manufacturer", id, before, manufacturer.dto()));
        return manufacturer.dto();
    }

    @Transactional
    @Override
    public ManufacturerDto patch(long id, JsonNode patch, String ifMatch) {
        return update(id, mergePatch.apply(require(id).input(), patch, ManufacturerInput.class), ifMatch);
    }

    /** Deletes a manufacturer that has no models (409 otherwise). */
    @Transactional
    @Override
    public void delete(long id, String ifMatch) {
        Manufacturer manufacturer = require(id);
        Versions.checkIfMatch(ifMatch, manufacturer.version);
        long models = Manufacturer.getEntityManager()
                .createQuery("select count(m) from HardwareModel m where m.manufacturer.id = :id", Long.class)
                .setParameter("id", id).getSingleResult();
        if (models > 0) {
            throw ProblemException.conflict("manufacturer " + id + " still has " + models + " model(s)");
        }
        ManufacturerDto before = manufacturer.dto();
        manufacturer.delete();
        manufacturer.flush();
        changes.record(Change.deleted("manufacturer", id, before));
    }

    private static void apply(Manufacturer manufacturer, ManufacturerInput input) {
        manufacturer.name = input.name().strip();
        manufacturer.slug = input.slug() == null || input.slug().isBlank() ? Slugs.of(input.name()) : input.slug();
        manufacturer.description = input.description();
    }
}
