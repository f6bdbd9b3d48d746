package io.infrasystem.inventory.asset;

import io.infrasystem.commons.crud.Tracked;
import io.infrasystem.inventory.manufacturer.Manufacturer;
import io.infrasystem.inventory.model.HardwareModel;
import io.infrasystem.inventory.rack.Rack;
import io.infrasystem.inventory.site.Site;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Set;
import java.util.TreeSet;

/**
 * A piece of hardware (table {@code asset}). {@code position} is the lowest rack unit it occupies
 * (NetBox's convention), in steps of 0.5; the database's triggers and the
 * {@code rack_unit_occupancy} key refuse overlaps and positions outside the rack.
 */
@Entity
public class Asset extends Tracked {

    public String hostname;
    public String assetTag;
    public String serial;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Manufacturer manufacturer;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public HardwareModel model;

    public AssetStatus status;

    @ManyToOne(fetch = FetchType.LAZY)
    public Site site;

    @ManyToOne(fetch = FetchType.LAZY)
    public Rack rack;

    public BigDecimal position;
    public Face face;
    public String mgmtIp;
    public String otherIps;
    public LocalDate purchaseDate;
    public LocalDate warrantyEnd;
    public String owner;
    public String notes;
    public String customFields;

    @ElementCollection(fetch = FetchType.LAZY)
    @Column(name = "tag")
    public Set<String> tags = new TreeSet<>();

    /** @return the API form */
    public AssetDto dto() {
        return new AssetDto(
                id,
                hostname,
                assetTag,
                serial,
                status,
                model.id,
                model.name,
                model.colour,
                manufacturer.id,
                manufacturer.name,
                model.uHeight,
                model.fullDepth,
                site == null ? null : site.id,
                site == null ? null : site.name,
                rack == null ? null : rack.id,
                rack == null ? null : rack.name,
                position,
                face,
                mgmtIp,
                JsonColumns.list(otherIps),
                purchaseDate,
                warrantyEnd,
                owner,
                notes,
                new ArrayList<>(new TreeSet<>(tags)),
                JsonColumns.map(customFields),
                version,
                createdAt,
                updatedAt);
    }

    /** @return the current values as an input */
    public AssetInput input() {
        return new AssetInput(
                hostname,
                assetTag,
                serial,
                model.id,
                status,
                site == null ? null : site.id,
                rack == null ? null : rack.id,
                position,
                face,
                mgmtIp,
                JsonColumns.list(otherIps),
                purchaseDate,
                warrantyEnd,
                owner,
                notes,
                new ArrayList<>(new TreeSet<>(tags)),
                JsonColumns.map(customFields));
    }
}
