package io.infrasystem.inventory.manufacturer;

import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.crud.CrudKind;
import io.infrasystem.commons.crud.EntityCrudService;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.inventory.slug.Slugs;
import jakarta.enterprise.context.ApplicationScoped;

/** Manufacturers: list, read, create (also on demand for imports), update, delete. */
@ApplicationScoped
public class ManufacturerService extends EntityCrudService<Manufacturer, ManufacturerDto, ManufacturerInput> {

    static final CrudKind<Manufacturer, ManufacturerDto, ManufacturerInput> KIND = CrudKind.of(
                    "manufacturer", Manufacturer.class, ManufacturerInput.class)
            .listedBy(CrudKind.filters("m", "name")
                    .fields(FilterField::text, "name", "slug")
                    .search("m.name", "m.slug", "m.description"))
            .entity(Manufacturer::new, Manufacturer::dto, Manufacturer::input)
            .deletableUnless(
                    "select count(m) from HardwareModel m where m.manufacturer.id = :id",
                    (manufacturer, models) -> "manufacturer " + manufacturer.id + " still has " + models + " model(s)");

    public ManufacturerService(ChangeRecorder changes, MergePatch mergePatch) {
        super(changes, mergePatch, KIND);
    }

    /** @return the manufacturer named {@code name}, created when it does not exist yet */
    public Manufacturer findOrCreate(String name) {
        return Manufacturer.findByName(name)
                .orElseGet(() -> createEntity(new ManufacturerInput(name.strip(), null, null)));
    }

    @Override
    protected void apply(Manufacturer manufacturer, ManufacturerInput input) {
        manufacturer.name = input.name().strip();
        manufacturer.slug = input.slug() == null || input.slug().isBlank() ? Slugs.of(input.name()) : input.slug();
        manufacturer.description = input.description();
    }
}
