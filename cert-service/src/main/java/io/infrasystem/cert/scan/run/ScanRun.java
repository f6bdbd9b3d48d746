package io.infrasystem.cert.scan.run;

import io.infrasystem.commons.crud.Tracked;
import jakarta.persistence.Entity;
import java.time.Instant;

/** One scan of a set of targets ({@code scan_run}): its status and counts, updated as targets finish. */
@Entity
public class ScanRun extends Tracked {

    public ScanRunStatus status;
    public String requestedBy;
    public int targetCount;
    public int succeededCount;
    public int failedCount;
    public Instant startedAt;
    public Instant finishedAt;

    /** @return the API view */
    public ScanRunDto dto() {
        return new ScanRunDto(
                id,
                status,
                requestedBy,
                targetCount,
                succeededCount,
                failedCount,
                targetCount - succeededCount - failedCount,
                startedAt,
                finishedAt,
                version,
                createdAt,
                updatedAt);
    }
}
