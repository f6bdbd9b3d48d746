package io.infrasystem.inventory.model;

import io.infrasystem.commons.crud.Tracked;
import io.infrasystem.inventory.csv.CsvRelation;
import io.infrasystem.inventory.devicetype.DeviceType;
import io.infrasystem.inventory.manufacturer.Manufacturer;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A hardware model of a manufacturer (table {@code model}): its height in rack units (steps of
 * 0.5, 0 for zero-U such as PDUs), whether it fills the rack's depth, and its end of sale and end
 * of support ({@code null} when unknown).
 */
@Entity
@Table(name = "model")
public class HardwareModel extends Tracked {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Manufacturer manufacturer;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public DeviceType deviceType;

    public String name;
    public String partNumber;
    public BigDecimal uHeight;

    @Column(name = "is_full_depth")
    public boolean fullDepth;

    public LocalDate endOfSale;
    public LocalDate endOfSupport;
    public String notes;

    /** How the rack elevation draws the model: six lower-case hex digits ({@code 1f77b4}), {@code null} for the screen's own choice. */
    public String colour;

    /** @return whether the model takes no rack unit (mounted on the side, such as a PDU) */
    public boolean zeroU() {
        return uHeight.signum() == 0;
    }

    /** @return the API form */
    public ModelDto dto() {
        return new ModelDto(
                id,
                manufacturer.id,
                manufacturer.name,
                deviceType.id,
                deviceType.name,
                deviceType.category,
                name,
                partNumber,
                uHeight,
                fullDepth,
                endOfSale,
                endOfSupport,
                notes,
                colour,
                version,
                createdAt,
                updatedAt);
    }

    /** @return the current values as an input */
    public ModelInput input() {
        return new ModelInput(
                manufacturer.id,
                deviceType.id,
                name,
                partNumber,
                uHeight,
                fullDepth,
                endOfSale,
                endOfSupport,
                notes,
                colour);
    }

    /**
     * @return every model with its manufacturer, as CSV cells name them: by id, or by name (unique
     *     per manufacturer only); call inside a transaction
     */
    public static CsvRelation<HardwareModel> csvRelation() {
        return CsvRelation.shared(
                "model",
                HardwareModel.<HardwareModel>list("from HardwareModel m join fetch m.manufacturer"),
                m -> m.id,
                m -> m.name);
    }
}
