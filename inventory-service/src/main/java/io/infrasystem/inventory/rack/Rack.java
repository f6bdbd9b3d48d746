package io.infrasystem.inventory.rack;

import io.infrasystem.commons.crud.Tracked;
import io.infrasystem.inventory.csv.CsvRelation;
import io.infrasystem.inventory.site.Site;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;

/**
 * A rack (table {@code rack}). Its units are numbered {@code starting_unit} to
 * {@code starting_unit + u_height - 1}; {@code desc_units} numbers them from the top down.
 */
@Entity
public class Rack extends Tracked {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Site site;

    public String name;
    public String facilityId;
    public RackStatus status;
    public int uHeight;
    public int startingUnit;
    public boolean descUnits;
    public int widthIn;
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

    /**
     * @return every rack with its site, as CSV cells name them: by id, or by name (unique per site
     *     only); call inside a transaction
     */
    public static CsvRelation<Rack> csvRelation() {
        return CsvRelation.shared("rack", Rack.<Rack>list("from Rack r join fetch r.site"), r -> r.id, r -> r.name);
    }
}
