package io.infrasystem.inventory.monitoring.poll;

import io.infrasystem.inventory.monitoring.zabbix.ZabbixApi;
import io.infrasystem.inventory.monitoring.zabbix.ZabbixException;
import io.infrasystem.inventory.monitoring.zabbix.ZabbixHost;
import io.infrasystem.inventory.monitoring.zabbix.ZabbixProblem;
import io.infrasystem.inventory.monitoring.zabbix.ZabbixTarget;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Polls the Zabbix connections: every {@code inventory.monitoring.tick} (5 s) the enabled ones whose
 * poll interval has passed, and one on demand. A poll
 * <ol>
 *   <li>checks the API ({@code apiinfo.version});
 *   <li>imports problem events after the connection's event cursor ({@code event.get}, in id order,
 *       500 at a time; the cursor moves after each stored batch), so that a problem raised while
 *       Zabbix or this service was down is imported when it is back, even if it was resolved in
 *       between; the first poll instead imports the open problems ({@code problem.get}) and sets the
 *       cursor to Zabbix's last event;
 *   <li>maps each problem's host ({@code trigger.get}, {@code host.get}, {@link HostMapper});
 *   <li>asks Zabbix about every unresolved alert ({@code event.get}): resolved there, resolved here
 *       at the recovery event's time; acknowledged there, acknowledged here;
 *   <li>sends pending inbox acknowledgements ({@code event.acknowledge}).
 * </ol>
 * A failed poll leaves the connection's status ({@code down}, {@code auth_failed}, {@code error})
 * with the reason, and changes nothing else: the next poll starts from the same cursor. Polls of one
 * connection never overlap (one lock per connection; a scheduled poll skips a busy connection).
 * One instance of the service polls; several instances would each poll (alerts stay unique by
 * event id, but their calls double).
 */
@ApplicationScoped
public class ZabbixPoller {

    private static final Logger LOG = Logger.getLogger(ZabbixPoller.class);

    /** Events fetched per {@code event.get} call. */
    static final int BATCH = 500;

    private final ZabbixApi api;
    private final Connections connections;
    private final PollStates states;
    private final AlertImport store;
    private final HostMapper hosts;
    private final Map<Long, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "zabbix-acknowledge");
        t.setDaemon(true);
        return t;
    });

    public ZabbixPoller(
            ZabbixApi api, Connections connections, PollStates states, AlertImport store, HostMapper hosts) {
        this.api = api;
        this.connections = connections;
        this.states = states;
        this.store = store;
        this.hosts = hosts;
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /** Polls the connections that are due; one failing connection does not hold up the others. */
    @Scheduled(
            every = "${inventory.monitoring.tick:5s}",
            delayed = "${inventory.monitoring.first-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        for (long id : connections.due(Instant.now())) {
            ReentrantLock lock = lock(id);
            if (!lock.tryLock()) {
                continue;
            }
            try {
                pollLocked(id);
            } catch (RuntimeException e) {
                LOG.warnf(e, "poll of monitoring config %d failed", id);
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Polls one connection now (waiting for a poll of it in progress).
     *
     * @return its status afterwards
     * @throws io.infrasystem.commons.problem.ProblemException 404 when there is no such connection
     */
    public PollStatusDto poll(long configId) {
        ReentrantLock lock = lock(configId);
        lock.lock();
        try {
            return pollLocked(configId);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends a connection's pending acknowledgements in the background (after an inbox
     * acknowledgement); what fails stays pending for the next poll.
     */
    public void acknowledgeSoon(long configId) {
        background.execute(() -> {
            ReentrantLock lock = lock(configId);
            lock.lock();
            try {
                ConnectionSettings settings = connections.settings(configId);
                sendAcknowledgements(settings, target(settings));
            } catch (RuntimeException e) {
                LOG.debugf("acknowledgements of monitoring config %d stay pending: %s", configId, e.getMessage());
            } finally {
                lock.unlock();
            }
        });
    }

    /**
     * Checks a connection: the API answers, and the credentials work ({@code problem.get} with a
     * limit of 1). Records the outcome as the connection's status, as a poll does.
     *
     * @return the status afterwards
     */
    public PollStatusDto test(long configId) {
        ConnectionSettings settings = connections.settings(configId);
        ReentrantLock lock = lock(configId);
        lock.lock();
        try {
            String version = api.version(settings.url());
            api.openProblems(target(settings));
            return states.succeeded(configId, version, null).dto();
        } catch (ZabbixException e) {
            return states.failed(configId, ConnectionStatus.of(e.kind()), e.getMessage())
                    .dto();
        } finally {
            lock.unlock();
        }
    }

    private ReentrantLock lock(long configId) {
        return locks.computeIfAbsent(configId, id -> new ReentrantLock());
    }

    private ZabbixTarget target(ConnectionSettings settings) {
        PollState state = states.of(settings.configId());
        return new ZabbixTarget(settings.url(), new ConfigAuth(settings, state.sessionToken, api, states));
    }

    private PollStatusDto pollLocked(long configId) {
        ConnectionSettings settings = connections.settings(configId);
        try {
            String version = api.version(settings.url());
            ZabbixTarget target = target(settings);
            Long cursor = states.of(configId).eventCursor;
            if (cursor == null) {
                long last = api.lastEventId(target);
                List<ZabbixProblem> open = api.openProblems(target);
                importProblems(settings, target, open);
                states.advance(
                        configId,
                        open.stream().mapToLong(ZabbixProblem::eventId).reduce(last, Math::max));
            } else {
                List<ZabbixProblem> batch;
                do {
                    batch = api.problemEventsAfter(target, cursor, BATCH);
                    importProblems(settings, target, batch);
                    for (ZabbixProblem p : batch) {
                        cursor = Math.max(cursor, p.eventId());
                    }
                    states.advance(configId, cursor);
                } while (batch.size() == BATCH);
            }
            refreshUnresolved(settings, target);
            sendAcknowledgements(settings, target);
            return states.succeeded(configId, version, null).dto();
        } catch (ZabbixException e) {
            LOG.debugf("poll of monitoring config %d: %s", configId, e.getMessage());
            return states.failed(configId, ConnectionStatus.of(e.kind()), e.getMessage())
                    .dto();
        }
    }

    private void importProblems(ConnectionSettings settings, ZabbixTarget target, List<ZabbixProblem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        Set<Long> known = store.known(
                settings.configId(),
                problems.stream().map(ZabbixProblem::eventId).toList());
        List<ZabbixProblem> fresh =
                problems.stream().filter(p -> !known.contains(p.eventId())).toList();
        if (fresh.isEmpty()) {
            return;
        }
        Set<Long> triggerIds = new HashSet<>();
        fresh.forEach(p -> triggerIds.add(p.triggerId()));
        Map<Long, Long> hostIdOfTrigger = api.triggerHosts(target, triggerIds);
        Map<Long, ZabbixHost> hostsById = new HashMap<>();
        api.hosts(target, new HashSet<>(hostIdOfTrigger.values())).forEach(h -> hostsById.put(h.hostId(), h));
        Map<Long, ZabbixHost> hostOfTrigger = new HashMap<>();
        hostIdOfTrigger.forEach((trigger, host) -> {
            if (hostsById.containsKey(host)) {
                hostOfTrigger.put(trigger, hostsById.get(host));
            }
        });
        Map<Long, Optional<EntityMatch>> matches = new HashMap<>();
        hostsById.values().forEach(h -> matches.put(h.hostId(), hosts.match(h, settings.siteId())));
        store.store(settings, fresh, hostOfTrigger, matches);
    }

    private void refreshUnresolved(ConnectionSettings settings, ZabbixTarget target) {
        Map<Long, Long> unresolved = store.unresolved(settings.configId());
        if (unresolved.isEmpty()) {
            return;
        }
        Map<Long, ZabbixProblem> current = new HashMap<>();
        api.problemEvents(target, unresolved.values()).forEach(p -> current.put(p.eventId(), p));
        Set<Long> recoveryIds = new HashSet<>();
        current.values().stream()
                .filter(p -> p.recoveryEventId() != 0)
                .forEach(p -> recoveryIds.add(p.recoveryEventId()));
        Map<Long, Instant> recoveryTimes = api.eventTimes(target, recoveryIds);
        Map<Long, Instant> resolvedAt = new HashMap<>();
        Set<Long> acknowledgedThere = new HashSet<>();
        Instant now = Instant.now();
        unresolved.forEach((alertId, eventId) -> {
            ZabbixProblem problem = current.get(eventId);
            if (problem == null) {
                // deleted by Zabbix's housekeeper (or the host was removed): it is over
                resolvedAt.put(alertId, now);
            } else if (problem.recoveryEventId() != 0) {
                resolvedAt.put(alertId, recoveryTimes.getOrDefault(problem.recoveryEventId(), now));
            } else if (problem.acknowledged()) {
                acknowledgedThere.add(alertId);
            }
        });
        store.apply(resolvedAt, acknowledgedThere);
    }

    private void sendAcknowledgements(ConnectionSettings settings, ZabbixTarget target) {
        List<AlertImport.PendingAck> pending = store.pendingAcknowledgements(settings.configId());
        if (pending.isEmpty()) {
            return;
        }
        Map<Long, Boolean> ackedThere = new HashMap<>();
        api.problemEvents(
                        target,
                        pending.stream().map(AlertImport.PendingAck::eventId).toList())
                .forEach(p -> ackedThere.put(p.eventId(), p.acknowledged()));
        List<Long> sent = new java.util.ArrayList<>();
        for (AlertImport.PendingAck ack : pending) {
            Boolean acked = ackedThere.get(ack.eventId());
            if (acked == null) {
                sent.add(ack.alertId()); // the event is gone from Zabbix: nothing to acknowledge
                continue;
            }
            if (!acked) {
                api.acknowledge(target, List.of(ack.eventId()), ack.comment());
            }
            sent.add(ack.alertId());
        }
        store.acknowledgementsSent(sent);
    }
}
