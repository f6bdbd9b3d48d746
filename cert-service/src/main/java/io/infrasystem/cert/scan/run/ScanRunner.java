package io.infrasystem.cert.scan.run;

import io.infrasystem.cert.scan.tls.ChainValidation;
import io.infrasystem.cert.scan.tls.NetworkPolicy;
import io.infrasystem.cert.scan.tls.ProbeResult;
import io.infrasystem.cert.scan.tls.RefusedTargetException;
import io.infrasystem.cert.scan.tls.ScanConfig;
import io.infrasystem.cert.scan.tls.TlsProbe;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Runs the targets of a scan run in the background, one virtual thread each, with bounded
 * concurrency: at most {@code infra.cert.scan.max-concurrency} handshakes at once, and at most
 * {@code infra.cert.scan.max-per-host} (never above 5) to one address. Each target: the network
 * policy resolves and checks it, the probe captures the chain, the chain is judged, and the
 * {@link ScanRecorder} stores the outcome in a transaction of its own (one recording at a time in
 * an instance, as they upsert shared rows; handshakes run in parallel); the last one completes the run.
 */
@ApplicationScoped
public class ScanRunner {

    /** The most handshakes in flight to one address, whatever the configuration. */
    static final int PER_HOST_CEILING = 5;

    private static final Logger LOG = Logger.getLogger(ScanRunner.class);

    private final NetworkPolicy policy;
    private final TlsProbe probe;
    private final ChainValidation validation;
    private final ScanRecorder recorder;
    private final Semaphore global;
    private final int perHost;
    private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    /** Recordings upsert shared rows (a root certificate, a host, a domain): one at a time per instance. */
    private final ReentrantLock recording = new ReentrantLock();

    public ScanRunner(
            NetworkPolicy policy,
            TlsProbe probe,
            ChainValidation validation,
            ScanRecorder recorder,
            ScanConfig config) {
        this.policy = policy;
        this.probe = probe;
        this.validation = validation;
        this.recorder = recorder;
        this.global = new Semaphore(Math.max(1, config.maxConcurrency()), true);
        this.perHost = Math.clamp(config.maxPerHost(), 1, PER_HOST_CEILING);
    }

    /**
     * A target as the runner needs it (read before the run starts).
     *
     * @param id target id
     * @param host DNS name or IP literal
     * @param port TCP port
     * @param sni server name to send, or {@code null} for the host when it is a name
     * @param startTls the protocol to upgrade first
     */
    public record Target(long id, String host, int port, String sni, io.infrasystem.cert.scan.StartTls startTls) {}

    /**
     * Starts scanning in the background and returns at once.
     *
     * @param runId the stored run
     * @param targets its targets
     */
    public void start(long runId, List<Target> targets) {
        if (targets.isEmpty()) {
            executor.submit(() -> recorder.finish(runId));
            return;
        }
        AtomicInteger remaining = new AtomicInteger(targets.size());
        for (Target target : targets) {
            inFlight.add(target.id());
            executor.submit(() -> {
                try {
                    scan(runId, target);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "scan run %d: target %d could not be recorded", runId, target.id());
                } finally {
                    inFlight.remove(target.id());
                    if (remaining.decrementAndGet() == 0) {
                        recorder.finish(runId);
                    }
                }
            });
        }
    }

    private void scan(long runId, Target target) {
        InetAddress address;
        try {
            address = policy.resolve(target.host());
        } catch (RefusedTargetException e) {
            record(runId, target.id(), null, null, e.getMessage());
            return;
        }
        String sni = target.sni() != null ? target.sni() : target.host();
        Semaphore host = hosts.computeIfAbsent(address.getHostAddress(), key -> new Semaphore(perHost, true));
        ProbeResult result;
        try {
            host.acquire();
            try {
                global.acquire();
                try {
                    result = probe.probe(address, target.port(), sni, target.startTls());
                } finally {
                    global.release();
                }
            } finally {
                host.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = new ProbeResult(address.getHostAddress(), List.of(), null, null, "interrupted");
        }
        ChainValidation.Verdict verdict =
                result.succeeded() ? validation.judge(result.chain(), sni, Instant.now()) : null;
        record(runId, target.id(), result, verdict, null);
    }

    private void record(
            long runId, long targetId, ProbeResult result, ChainValidation.Verdict verdict, String refusal) {
        recording.lock();
        try {
            recorder.record(runId, targetId, result, verdict, refusal);
        } finally {
            recording.unlock();
        }
    }

    /** @return whether a run of this instance is scanning the target now */
    public boolean scanning(long targetId) {
        return inFlight.contains(targetId);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
