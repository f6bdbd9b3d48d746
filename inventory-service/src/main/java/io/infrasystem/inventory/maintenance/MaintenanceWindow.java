package io.infrasystem.inventory.maintenance;

import io.infrasystem.commons.crud.Tracked;
import io.infrasystem.inventory.asset.Asset;
import io.infrasystem.inventory.rack.Rack;
import io.infrasystem.inventory.site.Site;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/**
 * A maintenance window at a site, optionally narrowed to one rack or one asset (table
 * {@code maintenance_window}); times are stored in UTC with the IANA zone it was planned in.
 */
@Entity
public class MaintenanceWindow extends Tracked {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Site site;

    @ManyToOne(fetch = FetchType.LAZY)
    public Rack rack;

    @ManyToOne(fetch = FetchType.LAZY)
    public Asset asset;

    public Instant startsAt;
    public Instant endsAt;
    public String timeZone;
    public String description;

    /** @return the state at {@code now} */
    public WindowState state(Instant now) {
        if (now.isBefore(startsAt)) {
            return WindowState.SCHEDULED;
        }
        return now.isBefore(endsAt) ? WindowState.IN_PROGRESS : WindowState.ENDED;
    }

    /** @return the API form, with the state as of now */
    public MaintenanceWindowDto dto() {
        return new MaintenanceWindowDto(
                id,
                site.id,
                site.name,
                rack == null ? null : rack.id,
                asset == null ? null : asset.id,
                startsAt,
                endsAt,
                timeZone,
                description,
                state(Instant.now()),
                version,
                createdAt,
                updatedAt);
    }

    /** @return the current values as an input */
    public MaintenanceWindowInput input() {
        return new MaintenanceWindowInput(
                site.id,
                rack == null ? null : rack.id,
                asset == null ? null : asset.id,
                startsAt,
                endsAt,
                timeZone,
                description);
    }
}
