package io.infrasystem.inventory.storage;

import io.infrasystem.commons.crud.Tracked;
import io.infrasystem.inventory.asset.AssetStatus;
import io.infrasystem.inventory.model.HardwareModel;
import io.infrasystem.inventory.site.Site;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;

/** A storage array or bay (table {@code storage_array}); capacities in terabytes (10^12 bytes). */
@Entity
public class StorageArray extends Tracked {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Site site;

    @ManyToOne(fetch = FetchType.LAZY)
    public HardwareModel model;

    public String name;
    public BigDecimal totalTb;
    public BigDecimal usedTb;
    public AssetStatus status;
    public String description;

    /** @return the API form, with the used share in percent (one decimal) */
    public StorageArrayDto dto() {
        BigDecimal percent = totalTb.signum() == 0
                ? BigDecimal.ZERO
                : usedTb.multiply(BigDecimal.valueOf(100)).divide(totalTb, 1, java.math.RoundingMode.HALF_UP);
        return new StorageArrayDto(
                id,
                site.id,
                site.name,
                model == null ? null : model.id,
                name,
                totalTb,
                usedTb,
                percent,
                status,
                description,
                version,
                createdAt,
                updatedAt);
    }

    /** @return the current values as an input */
    public StorageArrayInput input() {
        return new StorageArrayInput(
                site.id, model == null ? null : model.id, name, totalTb, usedTb, status, description);
    }
}
