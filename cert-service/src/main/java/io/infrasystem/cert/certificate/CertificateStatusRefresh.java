package io.infrasystem.cert.certificate;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Keeps stored statuses in step with the clock: at start-up and every {@code infra.cert.status-refresh} (default 1h). */
@ApplicationScoped
public class CertificateStatusRefresh {

    private final CertificateService certificates;

    public CertificateStatusRefresh(CertificateService certificates) {
        this.certificates = certificates;
    }

    /** Runs {@link CertificateService#refreshStatuses} now. */
    @Scheduled(
            every = "${infra.cert.status-refresh:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        certificates.refreshStatuses(Instant.now());
    }
}
