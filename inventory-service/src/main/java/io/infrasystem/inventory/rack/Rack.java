package io.infrasystem.inventory.rack;

import io.infrasystem.commons.crud.Tracked;
import io.infrasystem.inventory.site.Site;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A rack (table {@code rack}). Its units are numbered {@code starting_unit} to
 * {@code starting_unit + u_height - 1}; {@code desc_units} numbers them from the top down.
 */
@Entity
@Table(name = "rack")
public class Rack extends Tracked {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "site_id")
    public Site site;

    public String name;

    @Column(name = "facility_id")
    public String facilityId;

    public RackStatus status;

    @Column(name = "u_height")
    public int uHeight;

    @Column(name = "starting_unit")
    public int startingUnit;

    @Column(name = "desc_units")
    public boolean descUnits;

    @Column(name = "width_in")
    public int widthIn;

    @Column(name = "outer_depth_mm")
    public Integer outerDepthMm;

    public String description;

    /** @return the unit number just above the top unit (exclusive upper bound of positions + heights) */
    public int aboveTop() {
        return startingUnit + uHeight;
    }

    /** @return the API form */
    public RackDto dto() {
        return new RackDto(
                id,
                site.id,
                site.name,
                name,
                facilityId,
                status,
                uHeight,
                startingUnit,
                descUnits,
                widthIn,
                outerDepthMm,
                description,
                version,
                createdAt,
                updatedAt);
    }

    /** @return the current values as an input */
    public RackInput input() {
        return new RackInput(
                site.id,
                name,
                facilityId,
                status,
                uHeight,
                startingUnit,
                descUnits,
                widthIn,
                outerDepthMm,
                description);
    }
}
