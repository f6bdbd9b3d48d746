package io.infrasystem.inventory.manufacturer;

import io.infrasystem.commons.crud.Tracked;
import io.infrasystem.inventory.csv.CsvRelation;
import jakarta.persistence.Entity;
import java.util.Optional;

/** A hardware brand (table {@code manufacturer}). */
@Entity
public class Manufacturer extends Tracked {

    public String name;
    public String slug;
    public String description;

    /** @return the manufacturer whose name (case-insensitive) or slug is {@code nameOrSlug} */
    public static Optional<Manufacturer> findByName(String nameOrSlug) {
        return find(
                        "lower(name) = ?1 or slug = ?2",
                        nameOrSlug.strip().toLowerCase(java.util.Locale.ROOT),
                        nameOrSlug.strip())
                .firstResultOptional();
    }

    /** @return the API form */
    public ManufacturerDto dto() {
        return new ManufacturerDto(id, name, slug, description, version, createdAt, updatedAt);
    }

    /** @return the current values as an input */
    public ManufacturerInput input() {
        return new ManufacturerInput(name, slug, description);
    }

    /** @return every manufacturer, as CSV cells name them: by id, name or slug; call inside a transaction */
    public static CsvRelation<Manufacturer> csvRelation() {
        return CsvRelation.unique(
                "manufacturer", Manufacturer.<Manufacturer>listAll(), m -> m.id, m -> m.slug, m -> m.name);
    }
}
