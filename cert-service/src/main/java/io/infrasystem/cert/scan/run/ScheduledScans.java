package io.infrasystem.cert.scan.run;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Starts a run of the due scheduled targets every {@code infra.cert.scan.schedule-check} (default 1 min). */
@ApplicationScoped
public class ScheduledScans {

    private final ScanRunService runs;

    public ScheduledScans(ScanRunService runs) {
        this.runs = runs;
    }

    @Scheduled(
            every = "${infra.cert.scan.schedule-check:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void check() {
        runs.startDue(Instant.now());
    }
}
