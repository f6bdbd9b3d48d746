package io.infrasystem.inventory.monitoring.alert;

import io.infrasystem.commons.audit.AuditEntry;
import io.infrasystem.commons.audit.AuditLogQuery;
import io.infrasystem.commons.audit.Change;
import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.crud.Lists;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.filter.FilterSpec;
import io.infrasystem.commons.http.Versions;
import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.paging.PageRequest;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.security.Actor;
import io.infrasystem.commons.security.CurrentActor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The alert inbox: list, read, acknowledge (with a comment), assign, history; and the changes the
 * poller makes (open, resolve, acknowledged in Zabbix). Every change is recorded through the
 * {@link ChangeRecorder}: an audit entry and an {@code inventory.alert.<action>} event with action
 * {@code opened}, {@code acknowledged}, {@code assigned} or {@code resolved}.
 */
@ApplicationScoped
public class AlertService {

    /** The resource type in audit entries and event types. */
    public static final String RESOURCE = "alert";

    /** Who the poller's changes are attributed to. */
    public static final Actor POLLER = Actor.system("zabbix-poller");

    static final FilterSpec FILTERS = io.infrasystem.commons.crud.CrudKind.filters("a", "-opened_at")
            .field(FilterField.integer("site_id", "a.site.id"))
            .field(FilterField.integer("config_id", "a.config.id"))
            .field(FilterField.integer("zabbix_event_id", "a.zabbixEventId"))
            .field(FilterField.text("entity_ref", "a.entityRef"))
            .field(FilterField.text("assignee", "a.assignee"))
            .field(FilterField.choice("status", "a.status", AlertStatus.class))
            .field(FilterField.choice("severity", "a.severity", AlertSeverity.class))
            .field(FilterField.choice("source", "a.source", AlertSource.class))
            .field(FilterField.timestamp("opened_at", "a.openedAt"))
            .field(FilterField.timestamp("resolved_at", "a.resolvedAt"))
            .field(FilterField.bool("suppressed", "a.suppressed"))
            .search("a.message", "a.zabbixHost", "a.entityRef")
            .build();

    private final ChangeRecorder changes;
    private final CurrentActor currentActor;
    private final AuditLogQuery auditLog;
    private final io.infrasystem.inventory.monitoring.rule.AlertNotifier notifier;

    public AlertService(
            ChangeRecorder changes,
            CurrentActor currentActor,
            AuditLogQuery auditLog,
            io.infrasystem.inventory.monitoring.rule.AlertNotifier notifier) {
        this.notifier = notifier;
        this.changes = changes;
        this.currentActor = currentActor;
        this.auditLog = auditLog;
    }

    /** @return a page of alerts (filters of {@link #FILTERS}, newest first by default) */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AlertDto> list(UriInfo uri) {
        return Lists.page(
                FILTERS, uri, (where, params) -> Alert.find("from Alert a where " + where, params), Alert::dto);
    }

    /** @throws ProblemException 404 */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AlertDto get(long id) {
        return require(id).dto();
    }

    /**
     * Acknowledges an open alert; a Zabbix alert is marked for sending to Zabbix.
     *
     * @param ifMatch optional version (412 when stale)
     * @return the alert after the change
     * @throws ProblemException 404; 409 when it is already acknowledged or resolved
     */
    @Transactional
    public AlertDto acknowledge(long id, AcknowledgeInput input, String ifMatch) {
        Alert alert = require(id);
        Versions.checkIfMatch(ifMatch, alert.version);
        if (alert.status != AlertStatus.OPEN) {
            throw ProblemException.conflict("alert " + id + " is " + alert.status.wire() + " already");
        }
        AlertDto before = alert.dto();
        Actor actor = currentActor.resolve("inbox");
        alert.status = AlertStatus.ACKNOWLEDGED;
        alert.acknowledgedAt = now();
        alert.acknowledgedBy = actor.name();
        alert.ackComment =
                input == null || input.comment() == null || input.comment().isBlank()
                        ? null
                        : input.comment().strip();
        alert.ackPending = alert.source == AlertSource.ZABBIX;
        return record(alert, "acknowledged", before, actor);
    }

    /**
     * Assigns an alert (any status) to someone, or unassigns it.
     *
     * @throws ProblemException 404; 412 when {@code ifMatch} is stale
     */
    @Transactional
    public AlertDto assign(long id, AssignInput input, String ifMatch) {
        Alert alert = require(id);
        Versions.checkIfMatch(ifMatch, alert.version);
        AlertDto before = alert.dto();
        String assignee =
                input == null || input.assignee() == null || input.assignee().isBlank()
                        ? null
                        : input.assignee().strip();
        alert.assignee = assignee;
        return record(alert, "assigned", before, null);
    }

    /**
     * @return the alert's audit entries, oldest first (open, acknowledge, assign, resolve)
     * @throws ProblemException 404
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> history(long id) {
        require(id);
        MultivaluedHashMap<String, String> query = new MultivaluedHashMap<>();
        query.putSingle("resource_type", RESOURCE);
        query.putSingle("resource_id", Long.toString(id));
        query.putSingle("ordering", "id");
        return auditLog.list(query, new PageRequest(PageRequest.MAX_LIMIT, 0)).entries();
    }

    /**
     * Stores a new alert from the poller (or a threshold), records it as {@code opened}, and hands it
     * to the rules ({@link io.infrasystem.inventory.monitoring.rule.AlertNotifier}: sent, or
     * suppressed by a maintenance window).
     *
     * @param alert the alert, not yet persisted, with status {@code open}
     * @return it, persisted
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Alert open(Alert alert) {
        alert.status = AlertStatus.OPEN;
        alert.persistAndFlush();
        notifier.opened(alert);
        alert.flush();
        changes.record(new Change(RESOURCE, Long.toString(alert.id), "opened", null, alert.dto(), POLLER));
        return alert;
    }

    /** Marks an alert resolved at {@code at}, as its source says; recorded as {@code resolved}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resolve(Alert alert, Instant at) {
        AlertDto before = alert.dto();
        alert.status = AlertStatus.RESOLVED;
        alert.resolvedAt = at.truncatedTo(ChronoUnit.MICROS);
        record(alert, "resolved", before, POLLER);
    }

    /** Marks an open alert acknowledged because someone did so in Zabbix. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void acknowledgedInZabbix(Alert alert) {
        AlertDto before = alert.dto();
        alert.status = AlertStatus.ACKNOWLEDGED;
        alert.acknowledgedAt = now();
        alert.acknowledgedBy = "zabbix";
        record(alert, "acknowledged", before, POLLER);
    }

    private AlertDto record(Alert alert, String action, AlertDto before, Actor actor) {
        alert.flush();
        AlertDto after = alert.dto();
        changes.record(new Change(RESOURCE, Long.toString(alert.id), action, before, after, actor));
        return after;
    }

    private static Alert require(long id) {
        Alert alert = Alert.findById(id);
        if (alert == null) {
            throw ProblemException.notFound("alert", id);
        }
        return alert;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
