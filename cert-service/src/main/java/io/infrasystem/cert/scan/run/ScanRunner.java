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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Runs the targets of a scan run in the background, one virtual thread each, with bounded
 * concurrency: at most {@code infra.cert.scan.max-concurrency} handshakes at once, and at most
 * {@code infra.cert.scan.max-per-host} (never above 5) to one address. Each target: the network
 * policy resolves and checks it, the probe captures the chain, the chain is judged, and the
 * outcome is queued for the instance's recording thread ({@code infra.cert.scan.record-threads},
 * default one; a platform thread), which stores whatever is waiting (up to {@code infra.cert.scan.record-batch}) in
 * one transaction with the {@link ScanRecorder} (recordings upsert shared rows: with one thread
 * they never race in an instance; handshakes run in parallel); the last outcome of a run
 * completes it.
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
    /** Outcomes waiting for the recording thread. */
    private final LinkedBlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
    /** Whether the recording thread was started. */
    private final AtomicBoolean recording = new AtomicBoolean();
    /** The recording threads, once started. */
    private final List<Thread> recordingThreads = new CopyOnWriteArrayList<>();

    private final int batchSize;
    private final int recorders;

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
        this.batchSize = Math.max(1, config.recordBatch());
        this.recorders = Math.clamp(config.recordThreads(), 1, 8);
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
        startRecording();
        AtomicInteger remaining = new AtomicInteger(targets.size());
        for (Target target : targets) {
            inFlight.add(target.id());
            Runnable done = () -> {
                inFlight.remove(target.id());
                if (remaining.decrementAndGet() == 0) {
                    recorder.finish(runId);
                }
            };
            executor.submit(() -> {
                ScanOutcome outcome;
                try {
                    outcome = scan(runId, target);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "scan run %d: target %d could not be scanned", runId, target.id());
                    done.run();
                    return;
                }
                pending.add(new Pending(outcome, done));
            });
        }
    }

    private ScanOutcome scan(long runId, Target target) {
        InetAddress address;
        try {
            address = policy.resolve(target.host());
        } catch (RefusedTargetException e) {
            return new ScanOutcome(runId, target.id(), null, null, e.getMessage(), now());
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
        return new ScanOutcome(runId, target.id(), result, verdict, null, now());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** An outcome waiting for the recorder, and what to do once it is stored (or given up). */
    private record Pending(ScanOutcome outcome, Runnable done) {}

    /**
     * Starts the recording threads: platform threads, not virtual ones. A recording waits for
     * PostgreSQL several times per batch, and a virtual thread that its answer wakes queues for a
     * carrier behind every runnable handshake (CPU-bound, as many as {@code max-concurrency});
     * a platform thread is run by the operating system as soon as the answer arrives, so the one
     * serial stage of a run is not held up by the parallel ones (bench/cert-service.md).
     */
    private void startRecording() {
        if (recording.compareAndSet(false, true)) {
            for (int i = 0; i < recorders; i++) {
                recordingThreads.add(Thread.ofPlatform()
                        .name("cert-scan-recorder-" + i)
                        .daemon()
                        .start(this::recordLoop));
            }
        }
    }

    /**
     * A recording thread ({@code infra.cert.scan.record-threads}, default one): takes what the handshakes produced, up to
     * {@code infra.cert.scan.record-batch} outcomes per transaction (whatever is waiting: no
     * waiting for a batch to fill), so that recordings, which upsert shared rows (a root, a host,
     * a domain), never race each other in an instance and cost one commit per batch.
     */
    private void recordLoop() {
        List<Pending> batch = new ArrayList<>(batchSize);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(pending.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pending.drainTo(batch, batchSize - 1);
            store(batch);
            batch.clear();
        }
    }

    /**
     * Stores a batch in one transaction; when that fails (a unique key or row lock taken by
     * another recorder meanwhile, or one bad outcome), each outcome alone, up to three tries, so
     * one bad outcome loses only itself.
     */
    private void store(List<Pending> batch) {
        try {
            recorder.recordAll(batch.stream().map(Pending::outcome).toList());
        } catch (RuntimeException batchFailed) {
            for (Pending one : batch) {
                for (int attempt = 1; ; attempt++) {
                    try {
                        recorder.recordAll(List.of(one.outcome()));
                        break;
                    } catch (RuntimeException e) {
                        if (attempt == 3) {
                            LOG.errorf(
                                    e,
                                    "scan run %d: target %d could not be recorded",
                                    one.outcome().runId(),
                                    one.outcome().targetId());
                            break;
                        }
                    }
                }
            }
        }
        for (Pending one : batch) {
            try {
                one.done().run();
            } catch (RuntimeException e) {
                LOG.errorf(
                        e, "scan run %d could not be completed", one.outcome().runId());
            }
        }
    }

    /** @return whether a run of this instance is scanning the target now */
    public boolean scanning(long targetId) {
        return inFlight.contains(targetId);
    }

    @PreDestroy
    void stop() {
        recordingThreads.forEach(Thread::interrupt);
        executor.shutdownNow();
    }
}
