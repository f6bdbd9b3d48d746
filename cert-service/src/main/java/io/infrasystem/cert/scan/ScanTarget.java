package io.infrasystem.cert.scan;

import io.infrasystem.commons.crud.Tracked;
import jakarta.persistence.Entity;
import java.time.Instant;
import org.hibernate.annotations.OptimisticLock;

/** A host:port scanned for its certificate chain ({@code scan_target}), with its SNI, STARTTLS and schedule. */
@Entity
public class ScanTarget extends Tracked {

    public String host;
    public int port;
    public String sni;
    public StartTls starttls;
    public Integer scheduleMinutes;
    public String profile;
    public boolean enabled;
    /** Set by every scan; not a change of the target: no version bump (an editor's ETag stays good). */
    @OptimisticLock(excluded = true)
    public Instant lastScannedAt;

    public String notes;

    /** @return the API view */
    public ScanTargetDto dto() {
        return new ScanTargetDto(
                id,
                host,
                port,
                sni,
                starttls,
                scheduleMinutes,
                profile,
                enabled,
                lastScannedAt,
                notes,
                version,
                createdAt,
                updatedAt);
    }

    /** @return the current values as an input (the target of a merge patch) */
    public ScanTargetInput input() {
        return new ScanTargetInput(host, port, sni, starttls, scheduleMinutes, profile, enabled, notes);
    }
}
