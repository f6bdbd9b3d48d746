package io.infrasystem.inventory.manufacturer;

import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.crud.CrudKind;
import io.infrasystem.commons.crud.EntityCrudService;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.filter.FilterSpec;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.inventory.slug.Slugs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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

    private static final CrudKind<Manufacturer, ManufacturerDto, ManufacturerInput> KIND = new CrudKind<>(
            "manufacturer",
            "manufacturer",
            Manufacturer.class,
            ManufacturerInput.class,
            Manufacturer::new,
            Manufacturer::dto,
            Manufacturer::input,
            FILTERS,
            (q, p) -> Manufacturer.find("from Manufacturer m where " + q, p));

    @Inject
    public ManufacturerService(ChangeRecorder changes, MergePatch mergePatch) {
        super(changes, mergePatch, KIND);
    }

    /** For the CDI client proxy only. */
    protected ManufacturerService() {}

    /** @return the manufacturer named {@code name}, created when it does not exist yet */
    public Manufacturer findOrCreate(String name) {
        return Manufacturer.findByName(name)
                .orElseGet(() -> createEntity(new ManufacturerInput(name.strip(), null, null)));
    }

    /** A manufacturer that still has models cannot be deleted (409). */
    @Override
    protected void checkDeletable(Manufacturer manufacturer) {
        long models = Manufacturer.getEntityManager()
                .createQuery("select count(m) from HardwareModel m where m.manufacturer.id = :id", Long.class)
                .setParameter("id", manufacturer.id)
                .getSingleResult();
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
