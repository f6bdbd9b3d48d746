package io.infrasystem.inventory.storage;

import io.infrasystem.commons.crud.Tracked;
import io.infrasystem.inventory.asset.AssetStatus;
import io.infrasystem.inventory.model.HardwareModel;
import io.infrasystem.inventory.site.Site;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A storage array or bay (table {@code storage_array}); capacities in terabytes (10^12 bytes). */
@Entity
@Table(name = "storage_array")
public class StorageArray extends Tracked {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "site_id")
    public Site site;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "model_id")
    public HardwareModel model;

    public String name;

    @Column(name = "total_tb")
    public BigDecimal totalTb;

    @Column(name = "used_tb")
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
