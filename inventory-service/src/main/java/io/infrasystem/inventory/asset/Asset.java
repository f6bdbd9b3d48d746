package io.infrasystem.inventory.asset;

import io.infrasystem.commons.crud.Tracked;
import io.infrasystem.inventory.manufacturer.Manufacturer;
import io.infrasystem.inventory.model.HardwareModel;
import io.infrasystem.inventory.rack.Rack;
import io.infrasystem.inventory.site.Site;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
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
@Table(name = "asset")
public class Asset extends Tracked {

    public String hostname;

    @Column(name = "asset_tag")
    public String assetTag;

    public String serial;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "manufacturer_id")
    public Manufacturer manufacturer;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "model_id")
    public HardwareModel model;

    public AssetStatus status;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "site_id")
    public Site site;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "rack_id")
    public Rack rack;

    public BigDecimal position;
    public Face face;

    @Column(name = "mgmt_ip")
    public String mgmtIp;

    @Column(name = "other_ips")
    public String otherIps;

    @Column(name = "purchase_date")
    public LocalDate purchaseDate;

    @Column(name = "warranty_end")
    public LocalDate warrantyEnd;

    public String owner;
    public String notes;

    @Column(name = "custom_fields")
    public String customFields;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "asset_tags", joinColumns = @JoinColumn(name = "asset_id"))
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
