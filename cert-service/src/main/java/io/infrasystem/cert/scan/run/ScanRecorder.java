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
import io.infrasystem.commons.audit.Change;
import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.outbox.EventsConfig;
import io.infrasystem.commons.outbox.Outbox;
import io.infrasystem.commons.outbox.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import java.nio.ByteBuffer;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Stores what targets' scans showed, a batch of outcomes per transaction ({@link #recordAll}); for each: the scan result; each certificate of
 * the chain (new ones audited, with {@code cert.certificate.created}); the leaf's domains (DNS
 * SANs, ignore patterns honoured); the host (by the target's name, or by its address) and the
 * address connected to; the binding at that place (host, port, SNI) — a different certificate at
 * an existing binding gets a binding of its own and, when it ends later, marks the previous one
 * {@code replaced} and links it; a failure after a success (or on the first scan) is alerted
 * ({@link ScanFailureAlerts}); then the runs' counts and (at most one a second per run) a
 * {@code cert.scan_run.progress} event.
 *
 * <p>Round trips are what a recording costs (one recording thread per instance): the hosts and
 * bindings a batch creates are persisted without a flush each and recorded (audit entries,
 * events) with one {@link ChangeRecorder#recordAll} at the end of the batch; the scan results are
 * written as one JDBC batch ({@link ScanRows}); the targets' and bindings' seen-times are updated
 * in JDBC batches at the commit ({@code quarkus.hibernate-orm.jdbc.statement-batch-size}).
 */
@ApplicationScoped
public class ScanRecorder {

    /** The shortest time between two {@code cert.scan_run.progress} events of a run. */
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

    /** When each running run last published its progress. */
    private final Map<Long, Instant> lastProgress = new ConcurrentHashMap<>();

    private final CertificateService certificates;
    private final DomainService domains;
    private final HostService hosts;
    private final BindingService bindings;
    private final IgnoreRules ignoreRules;
    private final Outbox outbox;
    private final EventsConfig events;
    private final ScanFailureAlerts failures;
    private final ChangeRecorder changes;
    private final ScanRows scanRows;

    public ScanRecorder(
            CertificateService certificates,
            DomainService domains,
            HostService hosts,
            BindingService bindings,
            IgnoreRules ignoreRules,
            Outbox outbox,
            EventsConfig events,
            ScanFailureAlerts failures,
            ChangeRecorder changes,
            ScanRows scanRows) {
        this.certificates = certificates;
        this.domains = domains;
        this.hosts = hosts;
        this.bindings = bindings;
        this.ignoreRules = ignoreRules;
        this.outbox = outbox;
        this.events = events;
        this.failures = failures;
        this.changes = changes;
        this.scanRows = scanRows;
    }

    /**
     * Stores the outcomes of one or more targets (of one or more runs) in one transaction, in
     * order: a batch costs one commit instead of one per target. Each run's counts are raised
     * once, and its {@code cert.scan_run.progress} event is published when the last one is at
     * least {@link #PROGRESS_EVERY} old (the {@code completed} event always carries the final
     * counts). Throws when any outcome cannot be stored (nothing of the batch is then kept: the
     * caller retries the outcomes one by one).
     *
     * @param outcomes what scanning the targets gave, in the order they ended
     */
    @Transactional
    public void recordAll(List<ScanOutcome> outcomes) {
        List<Long> targetIds =
                outcomes.stream().map(ScanOutcome::targetId).distinct().toList();
        Map<Long, ScanTarget> targets = new HashMap<>();
        ScanTarget.<ScanTarget>list("id in ?1", targetIds).forEach(t -> targets.put(t.id, t));
        // the batch's reads see its own inserts (identity keys: written at once); other changes
        // are flushed when the kernel writes a host or binding, and at commit, rather than before
        // every query (a flush walks every entity of the batch)
        ScanRun.getEntityManager().setFlushMode(FlushModeType.COMMIT);
        Map<Long, Boolean> failing = latestFailing(targetIds);
        Batch batch = new Batch(ignoreRules.certificates());
        loadHosts(targets.values(), batch);
        Map<Long, int[]> counts = new LinkedHashMap<>();
        for (ScanOutcome outcome : outcomes) {
            boolean success = recordOne(outcome, targets.get(outcome.targetId()), failing, batch);
            int[] count = counts.computeIfAbsent(outcome.runId(), id -> new int[2]);
            count[success ? 0 : 1]++;
        }
        scanRows.insert(batch.scans);
        for (CertificateScan failed : batch.failureAlerts) {
            ScanTarget target = failed.scanTarget;
            failures.failed(target.id, target.host + ":" + target.port, failed.id, failed.error, failed.scannedAt);
        }
        // the hosts and bindings the batch created: their audit entries and events in one go
        changes.recordAll(batch.created.stream().map(Supplier::get).toList());
        Instant now = Instant.now();
        counts.forEach((runId, count) -> {
            ScanRun.update(
                    "succeededCount = succeededCount + ?1, failedCount = failedCount + ?2 where id = ?3",
                    count[0],
                    count[1],
                    runId);
            Instant last = lastProgress.get(runId);
            if (last == null || !now.isBefore(last.plus(PROGRESS_EVERY))) {
                ScanRun run = ScanRun.findById(runId);
                ScanRun.getEntityManager().refresh(run);
                publish(run, "progress");
                lastProgress.put(runId, now);
            }
        });
    }

    /** @return whether the outcome was a success (a chain captured) */
    private boolean recordOne(ScanOutcome outcome, ScanTarget target, Map<Long, Boolean> failing, Batch batch) {
        Instant now = outcome.scannedAt();
        ProbeResult probe = outcome.probe();
        CertificateScan scan = new CertificateScan();
        scan.scanRun = ScanRun.getEntityManager().getReference(ScanRun.class, outcome.runId());
        scan.scanTarget = target;
        scan.host = target.host;
        scan.port = target.port;
        scan.sni = target.sni;
        scan.scannedAt = now;
        target.lastScannedAt = now;
        boolean success = outcome.succeeded();
        scan.result = success ? "success" : "failure";
        scan.error = outcome.refusal() != null ? outcome.refusal() : probe == null ? null : probe.error();
        if (probe != null) {
            scan.peerAddress = probe.peerAddress();
            scan.tlsVersion = probe.tlsVersion();
            scan.cipherSuite = probe.cipherSuite();
        }
        boolean failingAlready = failing.getOrDefault(target.id, false);
        if (success) {
            storeChain(scan, target, probe, outcome.verdict(), now, batch);
        }
        // written with the batch's other results in one JDBC batch (ScanRows), then alerted
        batch.scans.add(scan);
        failing.put(target.id, "failure".equals(scan.result));
        if (!success && !failingAlready) {
            batch.failureAlerts.add(scan);
        }
        return success;
    }

    /** @return for each target that has results, whether its latest one is a failure */
    private static Map<Long, Boolean> latestFailing(List<Long> targetIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = ScanRun.getEntityManager()
                .createNativeQuery("select distinct on (scan_target_id) scan_target_id, result from certificate_scan"
                        + " where scan_target_id in (:ids) order by scan_target_id, scanned_at desc, id desc")
                .setParameter("ids", targetIds)
                .getResultList();
        Map<Long, Boolean> failing = new HashMap<>();
        for (Object[] row : rows) {
            failing.put(((Number) row[0]).longValue(), "failure".equals(row[1]));
        }
        return failing;
    }

    /**
     * What one transaction has read and stored already, so that a chain served by many targets
     * is looked up once and the hosts and bindings of all targets are read together.
     */
    private static final class Batch {
        /** The ignored-certificate patterns, read once. */
        final List<IgnoredCertificate> ignoredCertificates;
        /** What the reader found in each DER seen (parsing verifies signatures: once per batch). */
        final Map<ByteBuffer, List<CertificateFacts>> parsed = new HashMap<>();
        /** Certificates by SHA-256 thumbprint. */
        final Map<String, Certificate> certificates = new HashMap<>();
        /** Certificates whose domains were associated. */
        final Set<Long> associated = new HashSet<>();
        /** Hosts by {@link #hostKey}; a {@code null} value: there is none. */
        final Map<String, Host> hosts = new HashMap<>();
        /** The bindings of each host read or created, latest ({@code last_seen_at}) first. */
        final Map<Long, List<CertificateBinding>> bindings = new HashMap<>();
        /** The scan results of the batch, written together at its end. */
        final List<CertificateScan> scans = new ArrayList<>();
        /** The results whose failure is to be alerted once they have their ids. */
        final List<CertificateScan> failureAlerts = new ArrayList<>();
        /** The creations to record at the end of the batch (their API form then), in order. */
        final List<Supplier<Change>> created = new ArrayList<>();

        Batch(List<IgnoredCertificate> ignoredCertificates) {
            this.ignoredCertificates = ignoredCertificates;
        }

        /** @return {@link CertificateReader#read} of a DER certificate, parsed once per batch */
        List<CertificateFacts> read(byte[] der) throws UnreadableCertificateException {
            ByteBuffer key = ByteBuffer.wrap(der);
            List<CertificateFacts> facts = parsed.get(key);
            if (facts == null) {
                facts = CertificateReader.read(der);
                parsed.put(key, facts);
            }
            return facts;
        }

        /** Makes a host created or given an address findable by its name and each of its addresses. */
        void remember(Host host) {
            hosts.put("name:" + host.name.toLowerCase(Locale.ROOT), host);
            host.ips.forEach(ip -> hosts.put("ip:" + ip.ipAddress, host));
        }
    }

    /** Marks a run completed and publishes {@code cert.scan_run.completed} (with the final counts). */
    @Transactional
    public void finish(long runId) {
        lastProgress.remove(runId);
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
            CertificateScan scan,
            ScanTarget target,
            ProbeResult probe,
            ChainValidation.Verdict verdict,
            Instant now,
            Batch batch) {
        List<CertificateFacts> chain = new ArrayList<>();
        for (X509Certificate certificate : probe.chain()) {
            try {
                chain.addAll(batch.read(certificate.getEncoded()));
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
        Optional<IgnoredCertificate> ignored = IgnoreRules.certificate(batch.ignoredCertificates, chain.get(0));
        if (ignored.isPresent()) {
            scan.error = "certificate not kept: ignored-certificate pattern " + ignored.get().id;
            return;
        }
        // issuers first, so the leaf finds its issuer when it is stored
        Certificate leaf = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            CertificateFacts facts = chain.get(i);
            Certificate stored = batch.certificates.get(facts.sha256Thumbprint());
            if (stored == null) {
                stored = certificates.ingest(facts, CertificateSource.SCAN, now).certificate();
                batch.certificates.put(facts.sha256Thumbprint(), stored);
            } else if (stored.lastSeenAt.isBefore(now)) {
                stored.lastSeenAt = now;
            }
            if (i == 0) {
                leaf = stored;
            }
        }
        scan.certificate = leaf;
        if (batch.associated.add(leaf.id)) {
            domains.associate(leaf);
        }
        bind(leaf, target, probe.peerAddress(), now, batch);
    }

    private void bind(Certificate leaf, ScanTarget target, String peerAddress, Instant now, Batch batch) {
        String key = hostKey(target);
        Host host = batch.hosts.containsKey(key) ? batch.hosts.get(key) : findHost(target);
        if (host == null) {
            Host fresh = hosts.persistEntity(
                    new HostInput(target.host, HostType.SERVER, HostEnvironment.OTHER, List.of(peerAddress), null));
            batch.created.add(() -> hosts.createdChange(fresh));
            host = fresh;
            batch.bindings.put(host.id, new ArrayList<>());
            batch.remember(host);
        } else if (host.ips.stream().noneMatch(ip -> ip.ipAddress.equals(peerAddress))) {
            List<String> addresses =
                    new ArrayList<>(host.ips.stream().map(ip -> ip.ipAddress).toList());
            addresses.add(peerAddress);
            HostInput input = host.input();
            host = hosts.updateEntity(
                    host,
                    new HostInput(input.name(), input.hostType(), input.environment(), addresses, input.notes()),
                    null);
            batch.remember(host);
        }
        batch.hosts.put(key, host);
        HostIp ip = host.ips.stream()
                .filter(a -> a.ipAddress.equals(peerAddress))
                .findFirst()
                .orElse(null);
        Host place = host;
        List<CertificateBinding> known = batch.bindings.computeIfAbsent(
                place.id,
                id -> new ArrayList<>(CertificateBinding.<CertificateBinding>list(
                        "host = ?1 order by lastSeenAt desc, id desc", place)));
        Optional<CertificateBinding> latest = known.stream()
                .filter(b -> b.port != null && b.port == target.port && Objects.equals(b.sni, target.sni))
                .findFirst();
        if (latest.isPresent() && latest.get().certificate.id.equals(leaf.id)) {
            latest.get().lastSeenAt = now;
            known.remove(latest.get());
            known.add(0, latest.get());
            return;
        }
        CertificateBinding created = bindings.persistEntity(new BindingInput(
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
        batch.created.add(() -> bindings.createdChange(created));
        known.add(0, created);
        if (latest.isPresent()) {
            Certificate previous = latest.get().certificate;
            if (!leaf.notAfter.isBefore(previous.notAfter)) {
                certificates.markReplaced(previous, leaf);
            }
        }
    }

    /** @return the host of a target: by its address for an IP literal, else by name; {@code null} when none */
    private Host findHost(ScanTarget target) {
        Optional<String> targetIp = IpAddresses.canonical(target.host);
        return targetIp.isPresent()
                ? HostIp.<HostIp>find("ipAddress", targetIp.get())
                        .firstResultOptional()
                        .map(ip -> ip.host)
                        .orElse(null)
                : hosts.byName(target.host).orElse(null);
    }

    /** @return the key of a target's host in {@link Batch#hosts} */
    private static String hostKey(ScanTarget target) {
        return IpAddresses.canonical(target.host)
                .map(ip -> "ip:" + ip)
                .orElseGet(() -> "name:" + target.host.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Reads the hosts of a batch's targets and their bindings in three queries rather than two per
     * target; targets whose host does not exist are remembered as such ({@code null}).
     */
    private static void loadHosts(Collection<ScanTarget> targets, Batch batch) {
        List<String> addresses = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (ScanTarget target : targets) {
            String key = hostKey(target);
            batch.hosts.put(key, null);
            if (key.startsWith("ip:")) {
                addresses.add(key.substring(3));
            } else {
                names.add(key.substring(5));
            }
        }
        if (!addresses.isEmpty()) {
            HostIp.<HostIp>list("from HostIp i join fetch i.host where i.ipAddress in ?1 order by i.id", addresses)
                    .forEach(ip -> {
                        if (batch.hosts.get("ip:" + ip.ipAddress) == null) {
                            batch.hosts.put("ip:" + ip.ipAddress, ip.host);
                        }
                    });
        }
        if (!names.isEmpty()) {
            Host.<Host>list("lower(name) in ?1", names)
                    .forEach(host -> batch.hosts.put("name:" + host.name.toLowerCase(Locale.ROOT), host));
        }
        List<Long> hostIds = batch.hosts.values().stream()
                .filter(Objects::nonNull)
                .map(host -> host.id)
                .distinct()
                .toList();
        if (!hostIds.isEmpty()) {
            for (Long id : hostIds) {
                batch.bindings.put(id, new ArrayList<>());
            }
            CertificateBinding.<CertificateBinding>list("host.id in ?1 order by lastSeenAt desc, id desc", hostIds)
                    .forEach(binding -> batch.bindings.get(binding.host.id).add(binding));
        }
    }
}
