package io.infrasystem.vm.sync;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrasystem.commons.audit.Change;
import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.persistence.Jdbc;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.problem.ProblemKind;
import io.infrasystem.vm.facts.Platform;
import io.infrasystem.vm.facts.VmFacts;
import io.infrasystem.vm.payload.PayloadReader;
import io.infrasystem.vm.payload.PayloadSummary;
import io.infrasystem.vm.sync.FactDiff.FieldDiff;
import io.infrasystem.vm.sync.SyncRunStore.Counts;
import io.infrasystem.vm.sync.SyncRunStore.NewRun;
import io.infrasystem.vm.sync.SyncStore.FactWrite;
import io.infrasystem.vm.sync.SyncStore.History;
import io.infrasystem.vm.sync.SyncStore.VmUpdate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Applies sync payloads as they stream in: compares every VM's fingerprint with the stored one as
 * it arrives and writes only what changed, chunk by chunk in JDBC batches, with one {@code vm_change_history} row per changed field and one
 * event per changed VM through the change hook ({@code vm.vm.created/updated/deleted/restored}).
 * A payload or chunk is one transaction: it applies whole or not at all. Syncs of the same
 * platform and source are serialised by an advisory lock.
 */
@ApplicationScoped
public class SyncService {

    private final DataSource dataSource;
    private final ChangeRecorder changes;
    private final ObjectMapper mapper;
    private final SyncConfig config;

    public SyncService(DataSource dataSource, ChangeRecorder changes, ObjectMapper mapper, SyncConfig config) {
        this.dataSource = dataSource;
        this.changes = changes;
        this.mapper = mapper;
        this.config = config;
    }

    /**
     * Applies one payload or chunk, read from {@code body} VM by VM (see {@link PayloadReader#stream}):
     * each VM's fingerprint is compared with the stored one as it arrives, an unchanged VM is only
     * counted, and created or changed VMs are written every {@value #CHUNK} VMs, so that memory
     * holds the source's stored fingerprints and at most one chunk of VMs whatever the payload's size.
     *
     * @param platform platform of the URL
     * @param source which vCenter / Prism Central sent it (may be null for a chunk: the run's)
     * @param mode {@link SyncMode#FULL} soft-deletes VMs of the source absent from the payload (ignored
     *     for a chunk: deletion waits for {@link #finish}); null: {@code partial} for a single VM event
     *     (a Prism webhook), else {@code full}
     * @param runId the open chunked run this is a chunk of, or null for a single-payload run
     * @param body the JSON payload (read here, not closed)
     * @param caller who sends it: a chunk is taken only from the run's writer or an admin
     * @param confirmDeletions whether a full sync may soft-delete more than
     *     {@code infra.vm.sync.max-deleted-share} of the source's live VMs
     * @return the run after the payload
     * @throws ProblemException 400 for a payload {@link PayloadReader#stream} refuses (nothing is
     *     written), 403 for a source the caller's key may not sync or a chunk of a run another
     *     principal writes, 404 for an unknown run, 409 when the run is not open or belongs to
     *     another platform or source, or when an unconfirmed full sync would delete too many VMs
     *     (then nothing is written)
     */
    @Transactional
    public SyncRun apply(
            Platform platform,
            String source,
            SyncMode mode,
            Long runId,
            InputStream body,
            SyncCaller caller,
            boolean confirmDeletions) {
        Instant now = Instant.now();
        long started = System.nanoTime();
        return Jdbc.withConnection(dataSource, jdbc -> {
            SyncRunStore runs = new SyncRunStore(jdbc);
            SyncRun run = runId == null ? null : openRun(runs, runId, platform, source, now);
            String runSource = run == null ? source : run.source();
            caller.requireSource(runSource);
            if (run != null) {
                claim(runs, run, caller);
            }
            SyncStore store = new SyncStore(jdbc);
            store.lockSource(platform, runSource);
            long id = run == null ? runs.nextId() : run.id();
            SyncContext ctx = new SyncContext(platform, runSource, id, now, store, runs);
            Map<String, CurrentVm> current = store.loadSource(platform, runSource);
            Ingest ingest = new Ingest(ctx, current);
            PayloadSummary payload = ingest.read(body);
            SyncMode effective = mode != null ? mode : payload.singleEvent() ? SyncMode.PARTIAL : SyncMode.FULL;
            List<CurrentVm> orphans = new ArrayList<>();
            if (run == null && effective == SyncMode.FULL) {
                for (CurrentVm vm : current.values()) {
                    if (!vm.deleted() && !ingest.seen.contains(vm.id())) {
                        orphans.add(vm);
                    }
                }
                guardDeletions(orphans.size(), live(current.values()), runSource, confirmDeletions);
            }
            Counts counts = new Counts(
                    payload.vmCount(),
                    ingest.created,
                    ingest.updated,
                    ingest.unchanged,
                    orphans.size(),
                    ingest.restored);
            delete(ctx, orphans, "not reported by full sync of " + runSource);
            if (run == null) {
                long duration = (System.nanoTime() - started) / 1_000_000;
                runs.insert(new NewRun(
                        id,
                        platform,
                        runSource,
                        effective,
                        SyncRunStatus.COMPLETED,
                        false,
                        counts,
                        now,
                        Instant.now(),
                        null,
                        duration,
                        null));
            } else {
                runs.addChunk(id, counts);
                // the VMs this chunk created are seen too: finish must not orphan them
                Set<Long> seen = new HashSet<>(ingest.seen);
                seen.addAll(ingest.createdIds);
                store.markSeen(id, seen, now);
            }
            return runs.find(id, false).orElseThrow();
        });
    }

    /**
     * Opens a chunked run.
     *
     * @param status {@link SyncRunStatus#OPEN} (opened by the workflow) or {@link SyncRunStatus#PENDING}
     *     (triggered here, nothing received yet)
     * @param triggeredBy who opened it (the actor's name, shown)
     * @param writer the principal ({@link SyncCaller#principal()}) that alone (besides admins) may send
     *     chunks, finish and fail it, or null for a run the suite triggered: its first writer claims it
     * @return the new run, expiring after {@code infra.vm.sync.run-ttl}
     */
    @Transactional
    public SyncRun open(Platform platform, String source, SyncRunStatus status, String triggeredBy, String writer) {
        Instant now = Instant.now();
        return Jdbc.withConnection(dataSource, jdbc -> {
            SyncRunStore runs = new SyncRunStore(jdbc);
            long id = runs.insert(new NewRun(
                    null,
                    platform,
                    source,
                    SyncMode.FULL,
                    status,
                    true,
                    Counts.NONE,
                    now,
                    null,
                    now.plus(config.runTtl()),
                    null,
                    triggeredBy));
            if (writer != null) {
                runs.claim(id, writer);
            }
            return runs.find(id, false).orElseThrow();
        });
    }

    /**
     * Finishes a chunked run: soft-deletes the VMs of its platform and source that no chunk reported.
     *
     * @param caller who finishes it: the run's writer or an admin
     * @param confirmDeletions whether it may soft-delete more than {@code infra.vm.sync.max-deleted-share}
     *     of the source's live VMs
     * @throws ProblemException 403 for a run another principal writes, 404 for an unknown run, 409 for a
     *     run that is not open or has expired, or that would delete too many VMs unconfirmed (it stays open)
     */
    @Transactional
    public SyncRun finish(long runId, SyncCaller caller, boolean confirmDeletions) {
        Instant now = Instant.now();
        return Jdbc.withConnection(dataSource, jdbc -> {
            SyncRunStore runs = new SyncRunStore(jdbc);
            SyncRun run = runs.find(runId, true).orElseThrow(() -> ProblemException.notFound("sync run", runId));
            requireOpen(run, now);
            caller.requireSource(run.source());
            claim(runs, run, caller);
            SyncStore store = new SyncStore(jdbc);
            SyncContext ctx = new SyncContext(run.platform(), run.source(), runId, now, store, runs);
            store.lockSource(run.platform(), run.source());
            Set<Long> seen = store.seenInRun(runId);
            List<CurrentVm> orphans = new ArrayList<>();
            Collection<CurrentVm> current =
                    store.loadSource(run.platform(), run.source()).values();
            for (CurrentVm vm : current) {
                if (!vm.deleted() && !seen.contains(vm.id())) {
                    orphans.add(vm);
                }
            }
            guardDeletions(orphans.size(), live(current), run.source(), confirmDeletions);
            delete(ctx, orphans, "not reported by sync run " + runId + " of " + run.source());
            runs.close(runId, SyncRunStatus.COMPLETED, orphans.size(), null, now);
            return runs.find(runId, false).orElseThrow();
        });
    }

    /**
     * Fails a chunked run on its workflow's word ({@code POST /api/vm/sync-runs/{id}/fail}): it
     * deletes nothing, keeps the chunks already applied, stores the error on the run and records
     * the change (audit entry, event {@code vm.sync_run.failed}) in the same transaction.
     *
     * @param error why, shown on the run (cut to 2,000 characters)
     * @param caller who fails it: the run's writer or an admin
     * @return the failed run
     * @throws ProblemException 403 for a run another principal writes, 404 for an unknown run, 409 for a
     *     run that is not open or has expired
     */
    @Transactional
    public SyncRun failRun(long runId, String error, SyncCaller caller) {
        Instant now = Instant.now();
        return Jdbc.withConnection(dataSource, jdbc -> {
            SyncRunStore runs = new SyncRunStore(jdbc);
            SyncRun run = runs.find(runId, true).orElseThrow(() -> ProblemException.notFound("sync run", runId));
            requireOpen(run, now);
            caller.requireSource(run.source());
            claim(runs, run, caller);
            runs.close(runId, SyncRunStatus.FAILED, 0, shown(error), now);
            SyncRun failed = runs.find(runId, false).orElseThrow();
            changes.record(new Change("sync_run", String.valueOf(runId), "failed", run, failed, null));
            return failed;
        });
    }

    /**
     * Marks an unfinished run failed (e.g. its n8n webhook could not be called); it deletes nothing.
     *
     * @param error why, shown on the run (cut to 2,000 characters)
     */
    @Transactional
    public void fail(long runId, String error) {
        Jdbc.withConnection(dataSource, jdbc -> {
            new SyncRunStore(jdbc).close(runId, SyncRunStatus.FAILED, 0, shown(error), Instant.now());
            return null;
        });
    }

    private static String shown(String error) {
        return error.length() > 2000 ? error.substring(0, 2000) : error;
    }

    /**
     * Marks unfinished runs past their expiry as {@code expired}; they delete nothing.
     *
     * @return how many runs expired
     */
    @Transactional
    public int expireRuns() {
        return Jdbc.withConnection(dataSource, jdbc -> new SyncRunStore(jdbc).expire(Instant.now()));
    }

    /**
     * @return one run
     * @throws ProblemException 404 when unknown
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SyncRun run(long id) {
        return Jdbc.withConnection(dataSource, jdbc -> new SyncRunStore(jdbc).find(id, false))
                .orElseThrow(() -> ProblemException.notFound("sync run", id));
    }

    private static SyncRun openRun(SyncRunStore runs, long runId, Platform platform, String source, Instant now)
            throws SQLException {
        SyncRun run = runs.find(runId, true).orElseThrow(() -> ProblemException.notFound("sync run", runId));
        requireOpen(run, now);
        if (run.platform() != platform) {
            throw ProblemException.conflict(
                    "sync run " + runId + " is a " + run.platform().wire() + " run, not " + platform.wire());
        }
        if (source != null && !source.equals(run.source())) {
            throw ProblemException.conflict("sync run " + runId + " reads source " + run.source() + ", not " + source);
        }
        return run;
    }

    /**
     * Lets only the run's writer (or an admin) write to it; the first writer of a run the suite
     * triggered becomes its writer.
     *
     * @throws ProblemException 403 for anyone else
     */
    private static void claim(SyncRunStore runs, SyncRun run, SyncCaller caller) throws SQLException {
        Optional<String> writer = runs.writer(run.id());
        if (writer.isEmpty()) {
            runs.claim(run.id(), caller.principal());
        } else if (!writer.get().equals(caller.principal()) && !caller.admin()) {
            throw new ProblemException(
                    ProblemKind.FORBIDDEN,
                    "sync run " + run.id() + " was opened by another principal; only it or an admin may write to it",
                    List.of());
        }
    }

    /** @return how many of the source's VMs are not deleted */
    private static int live(Collection<CurrentVm> current) {
        return (int) current.stream().filter(vm -> !vm.deleted()).count();
    }

    /**
     * Refuses a deletion of more than {@code infra.vm.sync.max-deleted-share} of a source's live VMs
     * unless confirmed (a hypervisor API answering an empty or truncated list must not empty the inventory).
     *
     * @throws ProblemException 409 naming the count
     */
    private void guardDeletions(int deleting, int live, String source, boolean confirmed) {
        double share = config.maxDeletedShare();
        if (confirmed || deleting == 0 || deleting <= share * live) {
            return;
        }
        throw ProblemException.conflict("this sync would soft-delete " + deleting + " of the " + live
                + " live VMs of source " + source + " (more than " + Math.round(share * 100)
                + " %); nothing was changed. Repeat with confirm_deletions=true if they are really gone");
    }

    private static void requireOpen(SyncRun run, Instant now) {
        if (!run.status().acceptsChunks()) {
            throw ProblemException.conflict(
                    "sync run " + run.id() + " is " + run.status().wire() + ", not open");
        }
        if (run.expiresAt() != null && run.expiresAt().isBefore(now)) {
            throw ProblemException.conflict("sync run " + run.id() + " expired at " + run.expiresAt());
        }
    }

    /** How many created or changed VMs are held before they are written (one set of batches per chunk). */
    static final int CHUNK = 1000;

    /** What one chunk of VMs changes, computed before anything is written. */
    private static final class Plan {
        final List<VmFacts> creates = new ArrayList<>();
        final Map<Long, VmFacts> changed = new LinkedHashMap<>();
        final Map<Long, VmFacts> oldFacts = new HashMap<>();
        final Map<Long, CurrentVm> changedCurrent = new HashMap<>();
    }

    /** Thrown through the payload reader's callback, unwrapped by {@link Ingest#read}. */
    private static final class SqlFailure extends RuntimeException {
        SqlFailure(SQLException cause) {
            super(cause);
        }
    }

    /**
     * One payload as it streams in: matches each VM with the stored ones (by uuid, else by SMBIOS
     * uuid once the whole payload is known), skips it when its fingerprint is the stored one, and
     * writes the others chunk by chunk.
     */
    private final class Ingest {
        private final SyncContext ctx;
        private final Map<String, CurrentVm> current;
        /** Stored VMs by SMBIOS uuid, for VMs whose platform uuid changed. */
        private final Map<String, List<CurrentVm>> byBios = new HashMap<>();

        private final Set<String> payloadUuids = new HashSet<>();
        /** New uuids whose SMBIOS uuid is stored: matched at the end, when every uuid of the payload is known. */
        private final List<VmFacts> deferred = new ArrayList<>();

        private final List<VmFacts> creates = new ArrayList<>();
        private final List<CurrentVm> candidates = new ArrayList<>();
        private final Map<Long, VmFacts> candidateVms = new HashMap<>();
        final Set<Long> seen = new HashSet<>();
        final List<Long> createdIds = new ArrayList<>();
        int created;
        int updated;
        int unchanged;
        int restored;

        Ingest(SyncContext ctx, Map<String, CurrentVm> current) {
            this.ctx = ctx;
            this.current = current;
            for (CurrentVm vm : current.values()) {
                if (vm.biosUuid() != null) {
                    byBios.computeIfAbsent(vm.biosUuid(), k -> new ArrayList<>())
                            .add(vm);
                }
            }
        }

        /** Reads and applies the whole payload. */
        PayloadSummary read(InputStream body) throws SQLException {
            try (JsonParser parser = mapper.createParser(body)) {
                PayloadSummary summary = PayloadReader.stream(parser, ctx.platform(), vm -> {
                    try {
                        accept(vm);
                    } catch (SQLException e) {
                        throw new SqlFailure(e);
                    }
                });
                matchDeferred();
                flush();
                return summary;
            } catch (SqlFailure e) {
                throw (SQLException) e.getCause();
            } catch (IOException e) {
                throw new ProblemException(ProblemKind.BAD_REQUEST, "The body could not be read", List.of());
            }
        }

        private void accept(VmFacts vm) throws SQLException {
            payloadUuids.add(vm.vmUuid());
            CurrentVm cur = current.get(vm.vmUuid());
            if (cur == null) {
                if (vm.biosUuid() != null && byBios.containsKey(vm.biosUuid())) {
                    deferred.add(vm);
                } else {
                    creates.add(vm);
                }
            } else {
                compare(cur, vm);
            }
            if (creates.size() + candidates.size() >= CHUNK) {
                flush();
            }
        }

        /** Skips an unchanged VM on its fingerprint alone; keeps the others for the chunk's write. */
        private void compare(CurrentVm cur, VmFacts vm) {
            seen.add(cur.id());
            if (!cur.deleted()
                    && cur.vmUuid().equals(vm.vmUuid())
                    && vm.fingerprint().equals(cur.fingerprint())) {
                unchanged++;
                return;
            }
            candidates.add(cur);
            candidateVms.put(cur.id(), vm);
        }

        /** A new uuid takes over the stored VM of its SMBIOS uuid unless that VM's own uuid is in the payload. */
        private void matchDeferred() {
            for (VmFacts vm : deferred) {
                CurrentVm match = null;
                for (CurrentVm cur : byBios.getOrDefault(vm.biosUuid(), List.of())) {
                    if (!payloadUuids.contains(cur.vmUuid()) && !seen.contains(cur.id())) {
                        match = cur;
                        break;
                    }
                }
                if (match == null) {
                    creates.add(vm);
                } else {
                    compare(match, vm);
                }
            }
            deferred.clear();
        }

        /** Writes the chunk: loads the stored facts of the changed candidates (one query set), diffs, writes. */
        private void flush() throws SQLException {
            if (creates.isEmpty() && candidates.isEmpty()) {
                return;
            }
            Plan plan = new Plan();
            plan.creates.addAll(creates);
            Map<Long, VmFacts> stored = ctx.store().loadFacts(candidates);
            for (CurrentVm cur : candidates) {
                VmFacts vm = candidateVms.get(cur.id());
                VmFacts old = stored.get(cur.id());
                if (old != null && !"on".equals(vm.powerState()) && !vm.hasIps() && old.hasIps()) {
                    vm = keepLastIps(vm, old);
                }
                boolean factsChanged = old == null || !vm.fingerprint().equals(old.fingerprint());
                boolean uuidChanged = !cur.vmUuid().equals(vm.vmUuid());
                if (!factsChanged && !cur.deleted() && !uuidChanged) {
                    unchanged++;
                    continue;
                }
                if (cur.deleted()) {
                    restored++;
                } else {
                    updated++;
                }
                plan.changed.put(cur.id(), vm);
                plan.oldFacts.put(cur.id(), old);
                plan.changedCurrent.put(cur.id(), cur);
            }
            createdIds.addAll(write(ctx, plan));
            created += plan.creates.size();
            creates.clear();
            candidates.clear();
            candidateVms.clear();
        }
    }

    /** A powered-off VM reports no IPs: each NIC keeps the IPs it had (matched by id, then MAC). */
    private static VmFacts keepLastIps(VmFacts vm, VmFacts old) {
        List<VmFacts.Nic> nics = new ArrayList<>();
        for (VmFacts.Nic nic : vm.nics()) {
            nics.add(old.nics().stream()
                    .filter(o -> (nic.nicUuid() != null && nic.nicUuid().equals(o.nicUuid()))
                            || (nic.macAddress() != null && nic.macAddress().equals(o.macAddress())))
                    .findFirst()
                    .map(previous -> nic.withIps(previous.ips()))
                    .orElse(nic));
        }
        return vm.withNics(nics);
    }

    /** Writes the plan; returns the ids of the VMs it created, in the order of {@code plan.creates}. */
    private List<Long> write(SyncContext ctx, Plan plan) throws SQLException {
        SyncStore store = ctx.store();
        List<Long> ids = store.insertVms(ctx.platform(), ctx.source(), plan.creates, ctx.runId(), ctx.now());
        Map<Long, FactWrite> created = new LinkedHashMap<>();
        List<History> history = new ArrayList<>();
        List<Change> recorded = new ArrayList<>(ids.size() + plan.changed.size());
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            VmFacts vm = plan.creates.get(i);
            created.put(id, new FactWrite(vm, vm.fingerprint(), json(vm)));
            history.add(new History(id, "created", null, null, vm.name()));
            recorded.add(Change.created("vm", id, ctx.event(id, vm.vmUuid(), false, vm)));
        }
        store.writeFacts(created, true, ctx.now());

        List<VmUpdate> updates = new ArrayList<>();
        Map<Long, FactWrite> changedFacts = new LinkedHashMap<>();
        for (Map.Entry<Long, VmFacts> e : plan.changed.entrySet()) {
            long id = e.getKey();
            VmFacts vm = e.getValue();
            CurrentVm cur = plan.changedCurrent.get(id);
            updates.add(new VmUpdate(id, vm.vmUuid(), vm.name(), vm.biosUuid()));
            VmFacts old = plan.oldFacts.get(id);
            if (old == null || !vm.fingerprint().equals(old.fingerprint())) {
                changedFacts.put(id, new FactWrite(vm, vm.fingerprint(), json(vm)));
            }
            // one diff: the history rows of the VM are also the changes of its audit entry and event
            List<FieldDiff> diff = new ArrayList<>();
            if (cur.deleted()) {
                diff.add(new FieldDiff("is_deleted", "true", "false"));
            }
            if (!cur.vmUuid().equals(vm.vmUuid())) {
                diff.add(new FieldDiff("vm_uuid", cur.vmUuid(), vm.vmUuid()));
            }
            if (old != null) {
                diff.addAll(FactDiff.diff(old, vm));
            }
            String action = cur.deleted() ? "restored" : "updated";
            for (FieldDiff d : diff) {
                history.add(new History(
                        id,
                        d.field().equals("is_deleted") ? action : "updated",
                        d.field(),
                        d.oldValue(),
                        d.newValue()));
            }
            VmEvent before = ctx.event(id, cur.vmUuid(), cur.deleted(), old);
            VmEvent after = ctx.event(id, vm.vmUuid(), false, vm);
            recorded.add(new Change("vm", String.valueOf(id), action, before, after, null)
                    .withChanges(diff.stream().map(FieldDiff::audited).toList()));
        }
        store.updateVms(updates, ctx.runId(), ctx.now());
        store.writeFacts(changedFacts, false, ctx.now());
        store.insertHistory(history, ctx.runId(), ctx.now());

        Set<String> hosts = new TreeSet<>();
        Map<String, String> networks = new LinkedHashMap<>();
        plan.creates.forEach(f -> collect(f, hosts, networks));
        plan.changed.values().forEach(f -> collect(f, hosts, networks));
        if (!hosts.isEmpty() || !networks.isEmpty()) {
            store.upsertHostsAndNetworks(ctx.platform(), hosts, networks, ctx.now());
        }
        changes.recordAll(recorded);
        return ids;
    }

    private static void collect(VmFacts f, Set<String> hosts, Map<String, String> networks) {
        if (f.hostIdentifier() != null) {
            hosts.add(f.hostIdentifier());
        }
        for (VmFacts.Nic n : f.nics()) {
            if (n.networkId() != null) {
                String name = n.networkName();
                networks.merge(n.networkId(), name == null ? "" : name, (a, b) -> a.isEmpty() ? b : a);
            }
        }
        networks.replaceAll((k, v) -> v == null || v.isEmpty() ? null : v);
    }

    /** Soft-deletes the orphans of a full sync or a finished run, with their history and events. */
    private void delete(SyncContext ctx, List<CurrentVm> orphans, String reason) throws SQLException {
        if (orphans.isEmpty()) {
            return;
        }
        SyncStore store = ctx.store();
        Map<Long, VmFacts> facts = store.loadFacts(orphans);
        store.softDelete(orphans.stream().map(CurrentVm::id).toList(), reason, ctx.runId(), ctx.now());
        FieldDiff deleted = new FieldDiff("is_deleted", "false", "true");
        List<History> history = new ArrayList<>();
        List<Change> recorded = new ArrayList<>(orphans.size());
        for (CurrentVm vm : orphans) {
            history.add(new History(vm.id(), "deleted", deleted.field(), deleted.oldValue(), deleted.newValue()));
            VmEvent before = ctx.event(vm.id(), vm.vmUuid(), false, facts.get(vm.id()));
            VmEvent after = ctx.event(vm.id(), vm.vmUuid(), true, facts.get(vm.id()));
            recorded.add(new Change("vm", String.valueOf(vm.id()), "deleted", before, after, null)
                    .withChanges(List.of(deleted.audited())));
        }
        store.insertHistory(history, ctx.runId(), ctx.now());
        changes.recordAll(recorded);
    }

    private String json(VmFacts vm) {
        try {
            return mapper.writeValueAsString(vm.raw());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
