package io.infrasystem.vm.sync;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Every minute, marks chunked runs that were not finished before their {@code expires_at}
 * ({@code infra.vm.sync.run-ttl} after opening) as {@code expired}. An expired run deletes nothing.
 */
@ApplicationScoped
public class SyncRunExpiry {

    private static final Logger LOG = Logger.getLogger(SyncRunExpiry.class);

    private final SyncService sync;

    public SyncRunExpiry(SyncService sync) {
        this.sync = sync;
    }

    @Scheduled(every = "60s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expire() {
        int expired = sync.expireRuns();
        if (expired > 0) {
            LOG.infof("%d unfinished sync run(s) expired", expired);
        }
    }
}
