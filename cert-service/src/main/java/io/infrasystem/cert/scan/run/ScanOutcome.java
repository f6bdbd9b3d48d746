package io.infrasystem.cert.scan.run;

import io.infrasystem.cert.scan.tls.ChainValidation;
import io.infrasystem.cert.scan.tls.ProbeResult;
import java.time.Instant;

/**
 * What scanning one target of a run gave, waiting to be stored by the {@link ScanRecorder}.
 *
 * @param runId the run
 * @param targetId the target scanned
 * @param probe the handshake's outcome, or {@code null} when the target was refused
 * @param verdict the chain's judgement, or {@code null} when no chain was captured
 * @param refusal why the network policy refused the target, or {@code null}
 * @param scannedAt when the handshake ended (or the target was refused), UTC, microseconds
 */
public record ScanOutcome(
        long runId,
        long targetId,
        ProbeResult probe,
        ChainValidation.Verdict verdict,
        String refusal,
        Instant scannedAt) {

    /** @return whether a chain was captured */
    public boolean succeeded() {
        return probe != null && probe.succeeded();
    }
}
