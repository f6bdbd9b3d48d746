package io.infrasystem.cert.scan.run;

import io.infrasystem.cert.scan.ScanTarget;
import io.infrasystem.commons.crud.Lists;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.filter.FilterSpec;
import io.infrasystem.commons.outbox.EventsConfig;
import io.infrasystem.commons.outbox.Outbox;
import io.infrasystem.commons.outbox.OutboxMessage;
import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.security.CurrentActor;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Scan runs: starting one (its targets checked and stored with the run, {@code cert.scan_run.started}
 * published, then scanned in the background by {@link ScanRunner}), reading runs and scan results.
 * Runs filter by {@code id}, {@code status}, {@code started_at}, {@code created_at},
 * {@code updated_at}; results by {@code scan_run_id}, {@code scan_target_id},
 * {@code certificate_id}, {@code result}, {@code host}, {@code port}, {@code trusted},
 * {@code hostname_match}, {@code scanned_at}.
 */
@ApplicationScoped
public class ScanRunService {

    static final FilterSpec RUN_FILTERS = io.infrasystem.commons.crud.CrudKind.filters("r", "-started_at")
            .field(FilterField.choice("status", "r.status", ScanRunStatus.class))
            .fields(FilterField::timestamp, "started_at", "finished_at")
            .build();

    static final FilterSpec SCAN_FILTERS = io.infrasystem.commons.crud.CrudKind.filters("s", "-scanned_at")
            .field(FilterField.integer("scan_run_id", "s.scanRun.id"))
            .field(FilterField.integer("scan_target_id", "s.scanTarget.id"))
            .field(FilterField.integer("certificate_id", "s.certificate.id"))
            .field(FilterField.choice("result", "s.result", Set.of("success", "failure")))
            .fields(FilterField::text, "host")
            .fields(FilterField::integer, "port")
            .fields(FilterField::bool, "trusted", "hostname_match")
            .fields(FilterField::timestamp, "scanned_at")
            .build();

    private final ScanRunner runner;
    private final CurrentActor actor;
    private final Outbox outbox;
    private final EventsConfig events;

    public ScanRunService(ScanRunner runner, CurrentActor actor, Outbox outbox, EventsConfig events) {
        this.runner = runner;
        this.actor = actor;
        this.outbox = outbox;
        this.events = events;
    }

    /**
     * @param request the targets, or none for every enabled target
     * @return the run, {@code running}, committed before scanning starts
     * @throws ProblemException 400 naming target ids that do not exist
     */
    public ScanRunDto start(ScanRunRequest request) {
        return start(request, actor.resolve("scan").name());
    }

    /**
     * Starts a run of the enabled targets with a schedule whose period has passed since their
     * last scan (or never scanned), leaving out those a run of this instance is scanning.
     *
     * @param now the time to judge by
     * @return the run, or {@code null} when nothing is due
     */
    public ScanRunDto startDue(Instant now) {
        List<Long> due = QuarkusTransaction.requiringNew()
                .call(() ->
                        ScanTarget.<ScanTarget>list("enabled = true and scheduleMinutes is not null order by id")
                                .stream()
                                .filter(t -> t.lastScannedAt == null
                                        || !t.lastScannedAt
                                                .plus(java.time.Duration.ofMinutes(t.scheduleMinutes))
                                                .isAfter(now))
                                .map(t -> t.id)
                                .filter(id -> !runner.scanning(id))
                                .toList());
        return due.isEmpty() ? null : start(new ScanRunRequest(due), "system:scan-schedule");
    }

    private ScanRunDto start(ScanRunRequest request, String requestedBy) {
        record Started(ScanRunDto run, List<ScanRunner.Target> targets) {}
        Started started = QuarkusTransaction.requiringNew().call(() -> {
            List<ScanTarget> targets = targets(request);
            ScanRun run = new ScanRun();
            run.status = ScanRunStatus.RUNNING;
            run.requestedBy = requestedBy;
            run.targetCount = targets.size();
            run.startedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            run.persistAndFlush();
            String id = Long.toString(run.id);
            outbox.add(new OutboxMessage(
                    UUID.randomUUID().toString(),
                    events.topic(),
                    "cert.scan_run.started",
                    id,
                    id,
                    run.dto(),
                    Instant.now()));
            return new Started(
                    run.dto(),
                    targets.stream()
                            .map(t -> new ScanRunner.Target(t.id, t.host, t.port, t.sni, t.starttls))
                            .toList());
        });
        runner.start(started.run().id(), started.targets());
        return started.run();
    }

    private static List<ScanTarget> targets(ScanRunRequest request) {
        if (request == null
                || request.targetIds() == null
                || request.targetIds().isEmpty()) {
            return ScanTarget.list("enabled = true order by id");
        }
        Set<Long> ids = new LinkedHashSet<>(request.targetIds());
        List<ScanTarget> found = ScanTarget.list("id in ?1 order by id", ids);
        if (found.size() != ids.size()) {
            Set<Long> missing = new LinkedHashSet<>(ids);
            found.forEach(t -> missing.remove(t.id));
            throw ProblemException.invalid("target_ids", "scan targets " + missing + " do not exist");
        }
        return found;
    }

    /** @return the run; 404 when there is none */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ScanRunDto get(long id) {
        ScanRun run = ScanRun.findById(id);
        if (run == null) {
            throw ProblemException.notFound("scan run", id);
        }
        return run.dto();
    }

    /** @return a page of runs, newest first by default */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ScanRunDto> runs(UriInfo uri) {
        return Lists.page(RUN_FILTERS, uri, ScanRunService::findRuns, ScanRun::dto);
    }

    /** @return a page of scan results, newest first by default */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CertificateScanDto> scans(UriInfo uri) {
        return Lists.page(SCAN_FILTERS, uri, ScanRunService::findScans, CertificateScan::dto);
    }

    private static PanacheQuery<ScanRun> findRuns(String where, Map<String, Object> parameters) {
        return ScanRun.find("from ScanRun r where " + where, parameters);
    }

    private static PanacheQuery<CertificateScan> findScans(String where, Map<String, Object> parameters) {
        return CertificateScan.find("from CertificateScan s where " + where, parameters);
    }
}
