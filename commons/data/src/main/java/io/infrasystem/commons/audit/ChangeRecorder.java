package io.infrasystem.commons.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import io.infrasystem.commons.outbox.EventsConfig;
import io.infrasystem.commons.outbox.Outbox;
import io.infrasystem.commons.outbox.OutboxMessage;
import io.infrasystem.commons.persistence.UtcTimes;
import io.infrasystem.commons.request.ClientAddress;
import io.infrasystem.commons.request.RequestIds;
import io.infrasystem.commons.security.Actor;
import io.infrasystem.commons.security.CurrentActor;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The change hook of a service (the one place, like NetBox's change-logging signal handler, that
 * every write goes through): in the change's own transaction it writes the audit entry (actor,
 * actor type, action, resource, before/after JSON, changed fields, request id, client IP, time)
 * and the outbox event {@code <service>.<resource>.<action>} whose data is
 * {@code {"entity": after-or-before, "changes": [{field, old, new}], "actor": {name, type}}} (plus
 * the fields of the service's {@link EventContext}, if it has one); the changes
 * of a creation or deletion are empty (the entity is the whole record).
 *
 * <p>An update whose before and after differ only in ignored fields ({@code updated_at},
 * {@code version}) records nothing, so an identical write publishes no event. A change that
 * brings its own changed fields ({@link Change#changes()}) is recorded with them, undiffed.
 */
@ApplicationScoped
public class ChangeRecorder {

    private static final Set<String> IGNORED = Set.of("updated_at", "version");
    private static final String INSERT = """
            insert into audit_log (occurred_at, actor, actor_type, action, resource_type, resource_id,
                                   request_id, client_ip, before_data, after_data, changes, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final DataSource dataSource;
    private final ObjectMapper mapper;
    private final Outbox outbox;
    private final EventsConfig events;
    private final CurrentActor currentActor;
    private final Instance<ClientAddress> clientAddress;
    private final Instance<EventContext> eventContext;

    @Inject
    public ChangeRecorder(
            DataSource dataSource,
            ObjectMapper mapper,
            Outbox outbox,
            EventsConfig events,
            CurrentActor currentActor,
            Instance<ClientAddress> clientAddress,
            Instance<EventContext> eventContext) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.outbox = outbox;
        this.events = events;
        this.currentActor = currentActor;
        this.clientAddress = clientAddress;
        this.eventContext = eventContext;
    }

    /**
     * Records a change in the current transaction.
     *
     * @param change what changed
     * @return the changed fields of an update (empty, and nothing recorded, for an update that changed
     *     nothing); empty for a creation or deletion
     * @throws jakarta.transaction.TransactionalException when called outside a transaction
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<FieldChange> record(Change change) {
        return recordAll(List.of(change)).get(0);
    }

    /**
     * Records many changes in the current transaction with one JDBC batch for the audit entries
     * and one for the events (bulk paths: syncs, imports). Same rules as {@link #record(Change)}.
     *
     * @param changes what changed, in the order events are to be published
     * @return the changed fields of each change, in the same order
     * @throws jakarta.transaction.TransactionalException when called outside a transaction
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<List<FieldChange>> recordAll(List<Change> changes) {
        Actor current = null;
        String requestId = RequestIds.current();
        String clientIp = clientIp();
        Instant now = Instant.now();
        List<List<FieldChange>> results = new ArrayList<>(changes.size());
        List<OutboxMessage> messages = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Change change : changes) {
                // only an update to diff needs JSON trees; everything else is serialized straight to text
                boolean diffed = change.changes() == null && change.before() != null && change.after() != null;
                JsonNode before = diffed ? mapper.valueToTree(change.before()) : null;
                JsonNode after = diffed ? mapper.valueToTree(change.after()) : null;
                // a creation or deletion carries the whole record in before/after (entity): listing every
                // field again as a change would double what is written (as NetBox's change log keeps
                // only the post-change data of a creation)
                List<FieldChange> fields = change.changes() != null
                        ? change.changes()
                        : diffed ? JsonDiff.diff(before, after, IGNORED) : List.of();
                results.add(fields);
                if (diffed && fields.isEmpty()) {
                    continue;
                }
                if (change.actor() == null && current == null) {
                    current = currentActor.resolve("system");
                }
                Actor actor = change.actor() != null ? change.actor() : current;
                insert.setObject(1, UtcTimes.toColumn(now));
                insert.setString(2, actor.name());
                insert.setString(3, actor.type().wireName());
                insert.setString(4, change.action());
                insert.setString(5, change.resourceType());
                insert.setString(6, change.resourceId());
                insert.setString(7, requestId);
                insert.setString(8, clientIp);
                // each JSON text is written once and reused verbatim in the event
                String beforeJson = json(diffed ? before : change.before());
                String afterJson = json(diffed ? after : change.after());
                String fieldsJson = fields.isEmpty() ? "[]" : mapper.writeValueAsString(fields);
                insert.setString(9, beforeJson);
                insert.setString(10, afterJson);
                insert.setString(11, fieldsJson);
                insert.setObject(12, UtcTimes.toColumn(now));
                insert.setObject(13, UtcTimes.toColumn(now));
                insert.addBatch();

                Map<String, Object> data = new LinkedHashMap<>();
                data.put("entity", new RawValue(afterJson != null ? afterJson : beforeJson));
                data.put("changes", new RawValue(fieldsJson));
                data.put(
                        "actor",
                        Map.of("name", actor.name(), "type", actor.type().wireName()));
                if (eventContext.isResolvable()) {
                    eventContext.get().of(change).forEach(data::putIfAbsent);
                }
                String type = events.service() + "." + change.resourceType() + "." + change.action();
                messages.add(new OutboxMessage(
                        UUID.randomUUID().toString(),
                        events.topic(),
                        type,
                        change.resourceId(),
                        change.resourceId(),
                        data,
                        now));
            }
            if (!messages.isEmpty()) {
                insert.executeBatch();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not write the audit entries of " + changes.size() + " change(s)", e);
        }
        outbox.addAll(messages);
        return results;
    }

    private String json(Object value) throws JsonProcessingException {
        return value == null ? null : mapper.writeValueAsString(value);
    }

    private String clientIp() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        return clientAddress.get().ip();
    }
}
