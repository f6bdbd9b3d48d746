package io.infrasystem.realtime.fanout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrasystem.realtime.config.RealtimeConfig;
import io.infrasystem.realtime.event.Cursor;
import io.infrasystem.realtime.event.EventMessage;
import io.infrasystem.realtime.event.LiveEvent;
import io.infrasystem.realtime.project.ProjectMembers;
import io.infrasystem.realtime.subscription.Subscription;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Numbers incoming events, keeps them for replay and hands each to every connected client.
 * Publishing and attaching hold the same lock, so a resuming client gets the missed events and then
 * the live ones with neither a gap nor a duplicate; handing over is a non-blocking enqueue per
 * client, so the lock is held for microseconds per client.
 */
@ApplicationScoped
public class EventHub {

    private final String epoch = Long.toString(new SecureRandom().nextLong() >>> 24, 36);
    private final ReplayBuffer buffer;
    private final Set<ClientSession> sessions = ConcurrentHashMap.newKeySet();
    private final ObjectMapper mapper;
    private final RealtimeMetrics metrics;
    private final ProjectMembers members;
    private final String projectTypes;
    private long sequence;

    /**
     * @param config replay bounds, project event types
     * @param mapper JSON mapper (snake_case, ISO-8601 dates)
     * @param metrics meters
     * @param members project membership, kept current from the assignment events passing here
     */
    public EventHub(RealtimeConfig config, ObjectMapper mapper, RealtimeMetrics metrics, ProjectMembers members) {
        this.buffer = new ReplayBuffer(
                epoch, config.replay().maxEvents(), config.replay().maxAge());
        this.mapper = mapper;
        this.metrics = metrics;
        this.members = members;
        this.projectTypes = config.projects().typePrefix();
    }

    /**
     * Numbers an event, stores it for replay and queues it for every client that may see it and
     * subscribed to it. Called by the single consumer thread.
     *
     * @param id CloudEvents id
     * @param type CloudEvents type
     * @param source CloudEvents source
     * @param subject CloudEvents subject, may be null
     * @param time CloudEvents time, may be null
     * @param data event data
     * @return the numbered event
     */
    public LiveEvent publish(
            String id, String type, String source, String subject, OffsetDateTime time, JsonNode data) {
        synchronized (this) {
            Cursor cursor = new Cursor(epoch, ++sequence);
            Long projectId = type != null
                            && type.startsWith(projectTypes)
                            && data.path("project_id").canConvertToLong()
                    ? data.path("project_id").asLong()
                    : null;
            LiveEvent event = new LiveEvent(
                    cursor,
                    type,
                    subject,
                    Instant.now(),
                    json(new EventMessage("event", id, type, source, subject, time, data, cursor.toString())),
                    projectId);
            buffer.append(event);
            // a new member receives its own assignment event; a removed one still receives its removal
            boolean removal = type != null && type.endsWith(".deleted");
            if (!removal) {
                members.observe(type, subject, data);
            }
            for (ClientSession session : sessions) {
                session.deliver(event);
            }
            if (removal) {
                members.observe(type, subject, data);
            }
            metrics.buffered(buffer.size());
            return event;
        }
    }

    /**
     * Connects a client: confirms its subscription, replays what it missed after
     * {@code resumeFrom} (or sends a {@code reset} when those events are gone) and from then on
     * hands it every new event.
     *
     * @param session the client
     * @param resumeFrom the last cursor it received, or {@code null} for live events only
     */
    public void attach(ClientSession session, Cursor resumeFrom) {
        synchronized (this) {
            session.attachedTo(this);
            confirm(session);
            if (resumeFrom != null) {
                List<LiveEvent> missed = buffer.after(resumeFrom, Instant.now());
                if (missed == null) {
                    session.control(json(ControlMessages.Reset.of(
                            "cursor " + resumeFrom
                                    + " is older than the replay buffer or from another instance; reload, then continue"
                                    + " from the cursor given here",
                            buffer.last().toString())));
                } else {
                    missed.forEach(session::deliver);
                }
            }
            sessions.add(session);
        }
        metrics.connected(session.transport());
    }

    /**
     * Changes a client's subscription and confirms it.
     *
     * @param session the client
     * @param subscription the new subscription
     */
    public void resubscribe(ClientSession session, Subscription subscription) {
        synchronized (this) {
            session.subscription(subscription);
            confirm(session);
        }
    }

    /**
     * Sends an error message to a client, in order with its events.
     *
     * @param session the client
     * @param detail what was wrong
     */
    public void error(ClientSession session, String detail) {
        session.control(json(ControlMessages.Error.of(detail)));
    }

    /** @return every connected client (a live view) */
    public Set<ClientSession> sessions() {
        return sessions;
    }

    /**
     * @param principal a principal name ({@link io.infrasystem.realtime.subscription.Visibility.Clearance#principal})
     * @return how many streams it holds open on this instance
     */
    public long openStreams(String principal) {
        return sessions.stream()
                .filter(s -> principal.equals(s.clearance().principal()))
                .count();
    }

    /** @return the cursor of the newest event */
    public synchronized Cursor last() {
        return buffer.last();
    }

    void detach(ClientSession session, DropReason reason) {
        if (sessions.remove(session)) {
            metrics.disconnected(session.transport());
        }
        if (reason != null) {
            metrics.dropped(session.transport(), reason);
        }
    }

    void pushed(Transport transport) {
        metrics.pushed(transport);
    }

    private void confirm(ClientSession session) {
        Subscription subscription = session.subscription();
        session.control(json(ControlMessages.Subscribed.of(
                subscription.typeTexts(),
                List.copyOf(subscription.subjects()),
                buffer.last().toString())));
    }

    private String json(Object message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "Could not serialize " + message.getClass().getSimpleName(), e);
        }
    }
}
