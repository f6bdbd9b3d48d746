package io.infrasystem.vm.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrasystem.commons.audit.Change;
import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.vm.payload.ParsedPayload;
import io.infrasystem.vm.payload.ParsedVm;
import io.infrasystem.vm.sync.SyncRunStore.Counts;
import io.infrasystem.vm.sync.SyncStore.FactWrite;
import io.infrasystem.vm.sync.SyncStore.History;
import io.infrasystem.vm.sync.SyncStore.VmUpdate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Applies sync payloads: compares every VM with the stored state in memory and writes only what
 * changed, in JDBC batches, with one {@code vm_change_history} row per changed field and one
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
     * Applies one payload or chunk.
     *
     * @param platform platform of the URL
     * @param source which vCenter / Prism Central sent it
     * @param full whether VMs of the source absent from the payload are soft-deleted (ignored for a chunk:
     *     deletion waits for {@link #finish})
     * @param runId the open chunked run this is a chunk of, or null for a single-payload run
     * @param payload the parsed payload
     * @return the run after the payload
     * @throws ProblemException 404 for an unknown run, 409 when the run is not open or belongs to another
     *     platform or source
     */
    @Transactional
    public SyncRun apply(String platform, String source, boolean full, Long runId, ParsedPayload payload) {
        Instant now = Instant.now();
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            SyncRun run = null;
            if (runId != null) {
                run = openRun(c, runId, platform, source, now);
                source = run.source();
            }
            SyncStore store = new SyncStore(c);
            store.lockSource(platform, source);
            Map<String, CurrentVm> current = store.loadSource(platform, source);
            Plan plan = plan(store, current, payload.vms());
            List<CurrentVm> orphans = new ArrayList<>();
            if (run == null && full) {
                for (CurrentVm vm : current.values()) {
                    if (!vm.deleted() && !plan.seen.contains(vm.id())) {
                        orphans.add(vm);
                    }
                }
            }
            Counts counts = new Counts(
                    payload.vms().size(),
                    plan.creates.size(),
                    plan.updated,
                    plan.unchanged,
                    orphans.size(),
                    plan.restored);
            long id = run == null ? SyncRunStore.nextId(c) : run.id();
            List<Long> createdIds = write(c, store, platform, source, plan, id, now);
            if (!orphans.isEmpty()) {
                delete(c, store, platform, source, orphans, id, "not reported by full sync of " + source, now);
            }
            if (run == null) {
                long duration = (System.nanoTime() - started) / 1_000_000;
                SyncRunStore.insert(
                        c,
                        id,
                        platform,
                        source,
                        full ? "full" : "partial",
                        "completed",
                        false,
                        counts,
                        now,
                        Instant.now(),
                        null,
                        duration,
                        null);
            } else {
                SyncRunStore.addChunk(c, id, counts);
                // the VMs this chunk created are seen too: finish must not orphan them
                Set<Long> seen = new HashSet<>(plan.seen);
                seen.addAll(createdIds);
                store.markSeen(id, seen, now);
            }
            return SyncRunStore.find(c, id, false).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException("sync of " + platform + "/" + source + " failed", e);
        }
    }

    /**
     * Opens a chunked run.
     *
     * @return the new run, status {@code open}, expiring after {@code infra.vm.sync.run-ttl}
     */
    @Transactional
    public SyncRun open(String platform, String source, String status, String triggeredBy) {
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection()) {
            long id = SyncRunStore.insert(
                    c,
                    platform,
                    source,
                    "full",
                    status,
                    true,
                    new Counts(0, 0, 0, 0, 0, 0),
                    now,
                    null,
                    now.plus(config.runTtl()),
                    null,
                    triggeredBy);
            return SyncRunStore.find(c, id, false).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException("could not open a sync run", e);
        }
    }

    /**
     * Finishes a chunked run: soft-deletes the VMs of its platform and source that no chunk reported.
     *
     * @throws ProblemException 404 for an unknown run, 409 for a run that is not open or has expired
     */
    @Transactional
    public SyncRun finish(long runId) {
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection()) {
            SyncRun run =
                    SyncRunStore.find(c, runId, true).orElseThrow(() -> ProblemException.notFound("sync run", runId));
            requireOpen(c, run, now);
            SyncStore store = new SyncStore(c);
            store.lockSource(run.platform(), run.source());
            Set<Long> seen = store.seenInRun(runId);
            List<CurrentVm> orphans = new ArrayList<>();
            for (CurrentVm vm : store.loadSource(run.platform(), run.source()).values()) {
                if (!vm.deleted() && !seen.contains(vm.id())) {
                    orphans.add(vm);
                }
            }
            delete(
                    c,
                    store,
                    run.platform(),
                    run.source(),
                    orphans,
                    runId,
                    "not reported by sync run " + runId + " of " + run.source(),
                    now);
            SyncRunStore.close(c, runId, "completed", orphans.size(), null, now);
            return SyncRunStore.find(c, runId, false).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException("could not finish sync run " + runId, e);
        }
    }

    /**
     * Marks an unfinished run failed (e.g. its n8n webhook could not be called); it deletes nothing.
     *
     * @param error why, shown on the run
     */
    @Transactional
    public void fail(long runId, String error) {
        try (Connection c = dataSource.getConnection()) {
            SyncRunStore.close(
                    c, runId, "failed", 0, error.length() > 2000 ? error.substring(0, 2000) : error, Instant.now());
        } catch (SQLException e) {
            throw new IllegalStateException("could not mark sync run " + runId + " failed", e);
        }
    }

    /**
     * Marks unfinished runs past their expiry as {@code expired}; they delete nothing.
     *
     * @return how many runs expired
     */
    @Transactional
    public int expireRuns() {
        try (Connection c = dataSource.getConnection();
                var s = c.prepareStatement("update vm_sync_run set status = 'expired', error = 'not finished before "
                        + "expires_at', finished_at = ?, updated_at = ? where status in ('open', 'pending') "
                        + "and expires_at < ?")) {
            var now = io.infrasystem.commons.persistence.UtcTimes.toColumn(Instant.now());
            s.setObject(1, now);
            s.setObject(2, now);
            s.setObject(3, now);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not expire sync runs", e);
        }
    }

    private SyncRun openRun(Connection c, long runId, String platform, String source, Instant now) throws SQLException {
        SyncRun run = SyncRunStore.find(c, runId, true).orElseThrow(() -> ProblemException.notFound("sync run", runId));
        requireOpen(c, run, now);
        if (!run.platform().equals(platform)) {
            throw ProblemException.conflict("sync run " + runId + " is a " + run.platform() + " run, not " + platform);
        }
        if (source != null && !source.equals(run.source())) {
            throw ProblemException.conflict("sync run " + runId + " reads source " + run.source() + ", not " + source);
        }
        return run;
    }

    private static void requireOpen(Connection c, SyncRun run, Instant now) throws SQLException {
        if (!run.status().equals("open") && !run.status().equals("pending")) {
            throw ProblemException.conflict("sync run " + run.id() + " is " + run.status() + ", not open");
        }
        if (run.expiresAt() != null && run.expiresAt().isBefore(now)) {
            throw ProblemException.conflict("sync run " + run.id() + " expired at " + run.expiresAt());
        }
    }

    /** What one payload changes, computed before anything is written. */
    private static final class Plan {
        final List<ParsedVm> creates = new ArrayList<>();
        final List<VmFacts> createFacts = new ArrayList<>();
        final Map<Long, ParsedVm> changed = new LinkedHashMap<>();
        final Map<Long, VmFacts> changedFacts = new HashMap<>();
        final Map<Long, VmFacts> oldFacts = new HashMap<>();
        final Map<Long, CurrentVm> changedCurrent = new HashMap<>();
        final Set<Long> seen = new HashSet<>();
        int unchanged;
        int updated;
        int restored;
    }

    private Plan plan(SyncStore store, Map<String, CurrentVm> current, List<ParsedVm> vms) throws SQLException {
        Plan plan = new Plan();
        Set<String> payloadUuids = new HashSet<>();
        vms.forEach(v -> payloadUuids.add(v.vmUuid()));
        Map<String, CurrentVm> byBios = new HashMap<>();
        for (CurrentVm vm : current.values()) {
            if (vm.biosUuid() != null && !payloadUuids.contains(vm.vmUuid())) {
                byBios.putIfAbsent(vm.biosUuid(), vm);
            }
        }
        List<CurrentVm> candidates = new ArrayList<>();
        Map<Long, ParsedVm> candidateVms = new HashMap<>();
        Map<Long, VmFacts> candidateFacts = new HashMap<>();
        for (ParsedVm vm : vms) {
            CurrentVm cur = current.get(vm.vmUuid());
            if (cur == null && vm.biosUuid() != null) {
                cur = byBios.remove(vm.biosUuid());
            }
            VmFacts facts = VmFacts.of(vm);
            if (cur == null) {
                plan.creates.add(vm);
                plan.createFacts.add(facts);
                continue;
            }
            plan.seen.add(cur.id());
            if (!cur.deleted()
                    && cur.vmUuid().equals(vm.vmUuid())
                    && facts.fingerprint().equals(cur.fingerprint())) {
                plan.unchanged++;
                continue;
            }
            candidates.add(cur);
            candidateVms.put(cur.id(), vm);
            candidateFacts.put(cur.id(), facts);
        }
        Map<Long, VmFacts> stored = store.loadFacts(candidates);
        for (CurrentVm cur : candidates) {
            VmFacts facts = candidateFacts.get(cur.id());
            VmFacts old = stored.get(cur.id());
            if (old != null && !"on".equals(facts.powerState()) && !facts.hasIps() && old.hasIps()) {
                facts = keepLastIps(facts, old);
            }
            boolean factsChanged = old == null || !facts.fingerprint().equals(old.fingerprint());
            boolean uuidChanged =
                    !cur.vmUuid().equals(candidateVms.get(cur.id()).vmUuid());
            if (!factsChanged && !cur.deleted() && !uuidChanged) {
                plan.unchanged++;
                continue;
            }
            if (cur.deleted()) {
                plan.restored++;
            } else {
                plan.updated++;
            }
            plan.changed.put(cur.id(), candidateVms.get(cur.id()));
            plan.changedFacts.put(cur.id(), facts);
            plan.oldFacts.put(cur.id(), old);
            plan.changedCurrent.put(cur.id(), cur);
        }
        return plan;
    }

    /** A powered-off VM reports no IPs: each NIC keeps the IPs it had (matched by id, then MAC). */
    private static VmFacts keepLastIps(VmFacts facts, VmFacts old) {
        List<VmFacts.Nic> nics = new ArrayList<>();
        for (VmFacts.Nic nic : facts.nics()) {
            VmFacts.Nic previous = old.nics().stream()
                    .filter(o -> (nic.nicUuid() != null && nic.nicUuid().equals(o.nicUuid()))
                            || (nic.macAddress() != null && nic.macAddress().equals(o.macAddress())))
                    .findFirst()
                    .orElse(null);
            nics.add(
                    previous == null
                            ? nic
                            : new VmFacts.Nic(
                                    nic.nicUuid(),
                                    nic.macAddress(),
                                    nic.networkId(),
                                    nic.networkName(),
                                    nic.connected(),
                                    nic.state(),
                                    nic.vlanMode(),
                                    previous.ips()));
        }
        return facts.withNics(nics);
    }

    /** Writes the plan; returns the ids of the VMs it created, in the order of {@code plan.creates}. */
    private List<Long> write(
            Connection c, SyncStore store, String platform, String source, Plan plan, long runId, Instant now)
            throws SQLException {
        List<String> uuids = plan.creates.stream().map(ParsedVm::vmUuid).toList();
        List<Long> ids = store.insertVms(platform, source, plan.createFacts, uuids, runId, now);
        Map<Long, FactWrite> created = new LinkedHashMap<>();
        List<History> history = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            ParsedVm vm = plan.creates.get(i);
            VmFacts facts = plan.createFacts.get(i);
            created.put(ids.get(i), new FactWrite(facts, facts.fingerprint(), json(vm), vm.lastUpdateDate()));
            history.add(new History(ids.get(i), "created", null, null, vm.name()));
        }
        store.writeFacts(created, true, now);

        List<VmUpdate> updates = new ArrayList<>();
        Map<Long, FactWrite> changedFacts = new LinkedHashMap<>();
        for (Map.Entry<Long, ParsedVm> e : plan.changed.entrySet()) {
            long id = e.getKey();
            ParsedVm vm = e.getValue();
            VmFacts facts = plan.changedFacts.get(id);
            CurrentVm cur = plan.changedCurrent.get(id);
            updates.add(new VmUpdate(id, vm.vmUuid(), vm.name(), vm.biosUuid()));
            VmFacts old = plan.oldFacts.get(id);
            if (old == null || !facts.fingerprint().equals(old.fingerprint())) {
                changedFacts.put(id, new FactWrite(facts, facts.fingerprint(), json(vm), vm.lastUpdateDate()));
            }
            if (cur.deleted()) {
                history.add(new History(id, "restored", "is_deleted", "true", "false"));
            }
            if (!cur.vmUuid().equals(vm.vmUuid())) {
                history.add(new History(id, "updated", "vm_uuid", cur.vmUuid(), vm.vmUuid()));
            }
            if (old != null) {
                for (FactDiff.FieldDiff d : FactDiff.diff(old, facts)) {
                    history.add(new History(id, "updated", d.field(), d.oldValue(), d.newValue()));
                }
            }
        }
        store.updateVms(updates, runId, now);
        store.writeFacts(changedFacts, false, now);
        store.insertHistory(history, runId, now);

        Set<String> hosts = new TreeSet<>();
        Map<String, String> networks = new LinkedHashMap<>();
        for (VmFacts f : plan.createFacts) {
            collect(f, hosts, networks);
        }
        plan.changedFacts.values().forEach(f -> collect(f, hosts, networks));
        if (!hosts.isEmpty() || !networks.isEmpty()) {
            store.upsertHostsAndNetworks(platform, hosts, networks, now);
        }

        List<Change> recorded = new ArrayList<>(ids.size() + plan.changed.size());
        for (int i = 0; i < ids.size(); i++) {
            recorded.add(Change.created(
                    "vm",
                    ids.get(i),
                    new VmEvent(ids.get(i), platform, source, uuids.get(i), false, plan.createFacts.get(i))));
        }
        for (Map.Entry<Long, ParsedVm> e : plan.changed.entrySet()) {
            long id = e.getKey();
            CurrentVm cur = plan.changedCurrent.get(id);
            VmEvent before = new VmEvent(id, platform, source, cur.vmUuid(), cur.deleted(), plan.oldFacts.get(id));
            VmEvent after = new VmEvent(id, platform, source, e.getValue().vmUuid(), false, plan.changedFacts.get(id));
            recorded.add(
                    new Change("vm", String.valueOf(id), cur.deleted() ? "restored" : "updated", before, after, null));
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

    private void delete(
            Connection c,
            SyncStore store,
            String platform,
            String source,
            List<CurrentVm> orphans,
            long runId,
            String reason,
            Instant now)
            throws SQLException {
        if (orphans.isEmpty()) {
            return;
        }
        Map<Long, VmFacts> facts = store.loadFacts(orphans);
        store.softDelete(orphans.stream().map(CurrentVm::id).toList(), reason, runId, now);
        List<History> history = new ArrayList<>();
        for (CurrentVm vm : orphans) {
            history.add(new History(vm.id(), "deleted", "is_deleted", "false", "true"));
        }
        store.insertHistory(history, runId, now);
        List<Change> recorded = new ArrayList<>(orphans.size());
        for (CurrentVm vm : orphans) {
            VmEvent before = new VmEvent(vm.id(), platform, source, vm.vmUuid(), false, facts.get(vm.id()));
            VmEvent after = new VmEvent(vm.id(), platform, source, vm.vmUuid(), true, facts.get(vm.id()));
            recorded.add(new Change("vm", String.valueOf(vm.id()), "deleted", before, after, null));
        }
        changes.recordAll(recorded);
    }

    private String json(ParsedVm vm) {
        try {
            return mapper.writeValueAsString(vm.raw());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
