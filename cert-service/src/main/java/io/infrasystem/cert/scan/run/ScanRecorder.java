package io.infrasystem.cert.scan.run;

import io.infrasystem.cert.alert.ScanFailureAlerts;
import io.infrasystem.cert.binding.BindingInput;
import io.infrasystem.cert.binding.BindingService;
import io.infrasystem.cert.binding.CertificateBinding;
import io.infrasystem.cert.binding.Platform;
import io.infrasystem.cert.certificate.Certificate;
import io.infrasystem.cert.certificate.CertificateService;
import io.infrasystem.cert.certificate.CertificateSource;
import io.infrasystem.cert.domain.DomainService;
import io.infrasystem.cert.host.Host;
import io.infrasystem.cert.host.HostEnvironment;
import io.infrasystem.cert.host.HostInput;
import io.infrasystem.cert.host.HostIp;
import io.infrasystem.cert.host.HostService;
import io.infrasystem.cert.host.HostType;
import io.infrasystem.cert.host.IpAddresses;
import io.infrasystem.cert.ignore.IgnoreRules;
import io.infrasystem.cert.ignore.IgnoredCertificate;
import io.infrasystem.cert.scan.ScanTarget;
import io.infrasystem.cert.scan.StartTls;
import io.infrasystem.cert.scan.tls.ChainValidation;
import io.infrasystem.cert.scan.tls.ProbeResult;
import io.infrasystem.cert.x509.CertificateFacts;
import io.infrasystem.cert.x509.CertificateReader;
import io.infrasystem.cert.x509.UnreadableCertificateException;
import io.infrasystem.commons.outbox.EventsConfig;
import io.infrasystem.commons.outbox.Outbox;
import io.infrasystem.commons.outbox.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores what one target's scan showed, in one transaction: the scan result; each certificate of
 * the chain (new ones audited, with {@code cert.certificate.created}); the leaf's domains (DNS
 * SANs, ignore patterns honoured); the host (by the target's name, or by its address) and the
 * address connected to; the binding at that place (host, port, SNI) — a different certificate at
 * an existing binding gets a binding of its own and, when it ends later, marks the previous one
 * {@code replaced} and links it; the run's counts and a {@code cert.scan_run.progress} event; a
 * failure after a success (or on the first scan) is alerted ({@link ScanFailureAlerts}).
 */
@ApplicationScoped
public class ScanRecorder {

    private final CertificateService certificates;
    private final DomainService domains;
    private final HostService hosts;
    private final BindingService bindings;
    private final IgnoreRules ignoreRules;
    private final Outbox outbox;
    private final EventsConfig events;
    private final ScanFailureAlerts failures;

    public ScanRecorder(
            CertificateService certificates,
            DomainService domains,
            HostService hosts,
            BindingService bindings,
            IgnoreRules ignoreRules,
            Outbox outbox,
            EventsConfig events,
            ScanFailureAlerts failures) {
        this.certificates = certificates;
        this.domains = domains;
        this.hosts = hosts;
        this.bindings = bindings;
        this.ignoreRules = ignoreRules;
        this.outbox = outbox;
        this.events = events;
        this.failures = failures;
    }

    /**
     * @param runId the run
     * @param targetId the target scanned
     * @param probe the handshake's outcome, or {@code null} when the target was refused
     * @param verdict the chain's judgement, or {@code null} when no chain was captured
     * @param refusal why the policy refused the target, or {@code null}
     */
    @Transactional
    public void record(long runId, long targetId, ProbeResult probe, ChainValidation.Verdict verdict, String refusal) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ScanRun run = ScanRun.findById(runId);
        ScanTarget target = ScanTarget.findById(targetId);
        CertificateScan scan = new CertificateScan();
        scan.scanRun = run;
        scan.scanTarget = target;
        scan.host = target.host;
        scan.port = target.port;
        scan.sni = target.sni;
        scan.scannedAt = now;
        target.lastScannedAt = now;
        boolean success = probe != null && probe.succeeded();
        scan.result = success ? "success" : "failure";
        scan.error = refusal != null ? refusal : probe == null ? null : probe.error();
        if (probe != null) {
            scan.peerAddress = probe.peerAddress();
            scan.tlsVersion = probe.tlsVersion();
            scan.cipherSuite = probe.cipherSuite();
        }
        boolean failingAlready = CertificateScan.<CertificateScan>find(
                        "scanTarget = ?1 order by scannedAt desc, id desc", target)
                .firstResultOptional()
                .map(previous -> "failure".equals(previous.result))
                .orElse(false);
        if (success) {
            storeChain(scan, target, probe, verdict, now);
        }
        scan.persist();
        if (!success && !failingAlready) {
            failures.failed(target.id, target.host + ":" + target.port, scan.id, scan.error, now);
        }
        int succeeded = success ? 1 : 0;
        ScanRun.update(
                "succeededCount = succeededCount + ?1, failedCount = failedCount + ?2 where id = ?3",
                succeeded,
                1 - succeeded,
                runId);
        ScanRun.getEntityManager().refresh(run);
        publish(run, "progress");
    }

    /** Marks a run completed and publishes {@code cert.scan_run.completed}. */
    @Transactional
    public void finish(long runId) {
        ScanRun run = ScanRun.findById(runId);
        run.status = ScanRunStatus.COMPLETED;
        run.finishedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        run.flush();
        publish(run, "completed");
    }

    private void publish(ScanRun run, String action) {
        String id = Long.toString(run.id);
        outbox.add(new OutboxMessage(
                UUID.randomUUID().toString(),
                events.topic(),
                "cert.scan_run." + action,
                id,
                id,
                run.dto(),
                Instant.now()));
    }

    private void storeChain(
            CertificateScan scan, ScanTarget target, ProbeResult probe, ChainValidation.Verdict verdict, Instant now) {
        List<CertificateFacts> chain = new ArrayList<>();
        for (X509Certificate certificate : probe.chain()) {
            try {
                chain.addAll(CertificateReader.read(certificate.getEncoded()));
            } catch (CertificateEncodingException | UnreadableCertificateException e) {
                scan.result = "failure";
                scan.error = "the server sent a certificate that cannot be read: " + e.getMessage();
                return;
            }
        }
        scan.chain = String.join(
                ",", chain.stream().map(CertificateFacts::sha256Thumbprint).toList());
        scan.trusted = verdict.trusted();
        scan.trustError = verdict.trustError();
        scan.hostnameMatch = verdict.hostnameMatch();
        Optional<IgnoredCertificate> ignored = ignoreRules.certificate(chain.get(0));
        if (ignored.isPresent()) {
            scan.error = "certificate not kept: ignored-certificate pattern " + ignored.get().id;
            return;
        }
        // issuers first, so the leaf finds its issuer when it is stored
        Certificate leaf = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            Certificate stored = certificates
                    .ingest(chain.get(i), CertificateSource.SCAN, now)
                    .certificate();
            if (i == 0) {
                leaf = stored;
            }
        }
        scan.certificate = leaf;
        domains.associate(leaf);
        bind(leaf, target, probe.peerAddress(), now);
    }

    private void bind(Certificate leaf, ScanTarget target, String peerAddress, Instant now) {
        Optional<String> targetIp = IpAddresses.canonical(target.host);
        Host host = targetIp.isPresent()
                ? HostIp.<HostIp>find("ipAddress", targetIp.get())
                        .firstResultOptional()
                        .map(ip -> ip.host)
                        .orElse(null)
                : hosts.byName(target.host).orElse(null);
        if (host == null) {
            host = hosts.createEntity(
                    new HostInput(target.host, HostType.SERVER, HostEnvironment.OTHER, List.of(peerAddress), null));
        } else if (host.ips.stream().noneMatch(ip -> ip.ipAddress.equals(peerAddress))) {
            List<String> addresses =
                    new ArrayList<>(host.ips.stream().map(ip -> ip.ipAddress).toList());
            addresses.add(peerAddress);
            HostInput input = host.input();
            host = hosts.updateEntity(
                    host,
                    new HostInput(input.name(), input.hostType(), input.environment(), addresses, input.notes()),
                    null);
        }
        HostIp ip = host.ips.stream()
                .filter(a -> a.ipAddress.equals(peerAddress))
                .findFirst()
                .orElse(null);
        Host place = host;
        Optional<CertificateBinding> latest = CertificateBinding.<CertificateBinding>find(
                        "host = ?1 and port = ?2 order by lastSeenAt desc, id desc", place, target.port)
                .stream()
                .filter(b -> Objects.equals(b.sni, target.sni))
                .findFirst();
        if (latest.isPresent() && latest.get().certificate.id.equals(leaf.id)) {
            latest.get().lastSeenAt = now;
            return;
        }
        CertificateBinding created = bindings.createEntity(new BindingInput(
                leaf.id,
                place.id,
                ip == null ? null : ip.id,
                target.port,
                latest.map(b -> b.application == null ? null : b.application.id).orElse(null),
                latest.map(b -> b.platform)
                        .orElse(target.starttls == StartTls.NONE ? Platform.WEB_SERVER : Platform.MAIL),
                latest.map(b -> b.parentBinding == null ? null : b.parentBinding.id)
                        .orElse(null),
                target.sni,
                null));
        created.lastSeenAt = now;
        if (latest.isPresent()) {
            Certificate previous = latest.get().certificate;
            if (!leaf.notAfter.isBefore(previous.notAfter)) {
                certificates.markReplaced(previous, leaf);
            }
        }
    }
}
