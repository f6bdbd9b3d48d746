package io.infrasystem.inventory.manufacturer;

import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.filter.FilterSpec;
import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.inventory.common.EntityCrudService;
import io.infrasystem.inventory.common.Lists;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.inventory.common.Slugs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;

/** Manufacturers: list, read, create (also on demand for imports), update, delete. */
@ApplicationScoped
public class ManufacturerService extends EntityCrudService<Manufacturer, ManufacturerDto, ManufacturerInput> {

    static final FilterSpec FILTERS = FilterSpec.builder("m.id")
            .field(FilterField.integer("id", "m.id"))
            .field(FilterField.text("name", "m.name"))
            .field(FilterField.text("slug", "m.slug"))
            .search("m.name", "m.slug", "m.description")
            .defaultOrdering("name")
            .build();

    @Inject
    public ManufacturerService(ChangeRecorder changes, MergePatch mergePatch) {
        super(changes, mergePatch, Manufacturer.class, ManufacturerInput.class, "manufacturer", "manufacturer");
    }

    /** For the CDI client proxy only. */
    protected ManufacturerService() {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public Page<ManufacturerDto> list(UriInfo uri) {
        return Lists.page(FILTERS, uri, (q, p) -> Manufacturer.find("from Manufacturer f where " + q, p), Manufacturer::dto);
    }

    /** @return the manufacturer named {@code name}, created when it does not exist yet */
    public Manufacturer findOrCreate(String name) {
        return Manufacturer.findByName(name).orElseGet(() -> createEntity(new ManufacturerInput(name.strip(), null, null)));
    }

    @Override
    protected ManufacturerDto dto(Manufacturer manufacturer) {
        return manufacturer.dto();
    }

    @Override
    protected ManufacturerInput input(Manufacturer manufacturer) {
        return manufacturer.input();
    }

    @Override
    protected Manufacturer newEntity() {
        return new Manufacturer();
    }

    /** A manufacturer that still has models cannot be deleted (409). */
    @Override
    protected void checkDeletable(Manufacturer manufacturer) {
        long models = Manufacturer.getEntityManager()
                .createQuery("select count(m) from HardwareModel m where m.manufacturer.id = :id", Long.class)
                .setParameter("id", manufacturer.id).getSingleResult();
        if (models > 0) {
            throw ProblemException.conflict("manufacturer " + manufacturer.id + " still has " + models + " model(s)");
        }
    }

    @Override
    protected void apply(Manufacturer manufacturer, ManufacturerInput input) {
        manufacturer.name = input.name().strip();
        manufacturer.slug = input.slug() == null || input.slug().isBlank() ? Slugs.of(input.name()) : input.slug();
        manufacturer.description = input.description();
    }
}
