package io.infrasystem.inventory.site;

import io.infrasystem.commons.crud.Tracked;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A datacenter or other physical location (table {@code site}). */
@Entity
@Table(name = "site")
public class Site extends Tracked {

    public String name;
    public String slug;
    public SiteStatus status;
    public String address;

    @Column(name = "time_zone")
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
}
