package io.infrasystem.inventory.site;

import io.infrasystem.commons.crud.Tracked;
import io.infrasystem.inventory.csv.CsvRelation;
import jakarta.persistence.Entity;

/** A datacenter or other physical location (table {@code site}). */
@Entity
public class Site extends Tracked {

    public String name;
    public String slug;
    public SiteStatus status;
    public String address;
    public String timeZone;
    public String description;

    /** @return the API form */
    public SiteDto dto() {
        return new SiteDto(id, name, slug, status, address, timeZone, description, version, createdAt, updatedAt);
    }

    /** @return the current values as an input, the base of a merge patch */
    public SiteInput input() {
        return new SiteInput(name, slug, status, address, timeZone, description);
    }

    /** @return every site, as CSV cells name them: by id, name or slug; call inside a transaction */
    public static CsvRelation<Site> csvRelation() {
        return CsvRelation.unique("site", Site.<Site>listAll(), s -> s.id, s -> s.slug, s -> s.name);
    }
}
