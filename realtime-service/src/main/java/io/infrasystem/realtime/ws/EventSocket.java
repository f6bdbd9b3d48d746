package io.infrasystem.realtime.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrasystem.commons.security.Scopes;
import io.infrasystem.realtime.config.RealtimeConfig;
import io.infrasystem.realtime.fanout.EventHub;
import io.infrasystem.realtime.subscription.ConnectRequest;
import io.infrasystem.realtime.subscription.Subscription;
import io.infrasystem.realtime.subscription.SubscriptionParser;
import io.infrasystem.realtime.subscription.TypePattern;
import io.infrasystem.realtime.subscription.Visibility;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /api/realtime/ws}: live events over WebSocket (RFC 6455, Quarkus WebSockets Next).
 * The upgrade needs (class-level {@code @RolesAllowed}, which implies authentication) the gateway's internal token with {@code events:read} (401 without a valid
 * token, 403 without the scope, 400 problem for malformed query parameters, see
 * {@link ConnectRequest}). The server sends JSON text messages: events
 * ({@code {"kind":"event", id, type, source, subject, time, data, cursor}}) and control messages
 * ({@code subscribed}, {@code reset}, {@code error}); the client may send {@link ClientCommand}s.
 */
@WebSocket(path = EventSocket.PATH, endpointId = EventSocket.ID)
@RolesAllowed(Scopes.EVENTS_READ)
public class EventSocket {

    /** Path of the endpoint. */
    public static final String PATH = "/api/realtime/ws";
    /** Endpoint id, for the upgrade check. */
    public static final String ID = "realtime-events";

    private final EventHub hub;
    private final Visibility visibility;
    private final RealtimeConfig config;
    private final ObjectMapper mapper;
    private final Map<String, SocketSession> sessions = new ConcurrentHashMap<>();

    /**
     * @param hub the event hub
     * @param visibility visibility rules
     * @param config limits
     * @param mapper JSON mapper for client commands
     */
    public EventSocket(EventHub hub, Visibility visibility, RealtimeConfig config, ObjectMapper mapper) {
        this.hub = hub;
        this.visibility = visibility;
        this.config = config;
        this.mapper = mapper;
    }

    /**
     * Registers the connection with the subscription and cursor its upgrade carried.
     *
     * @param connection the new connection
     */
    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        ConnectionUpgradeCheck.Accepted accepted = connection.userData().get(ConnectionUpgradeCheck.ACCEPTED);
        if (accepted == null) {
            connection
                    .close(new CloseReason(SocketSession.POLICY_VIOLATION, "not authorized"))
                    .subscribe()
                    .with(ok -> {}, failure -> {});
            return;
        }
        SocketSession session = new SocketSession(
                connection,
                visibility,
                accepted.clearance(),
                accepted.request().subscription(),
                config.connections().queueCapacity());
        sessions.put(connection.id(), session);
        hub.attach(session, accepted.request().resumeFrom());
    }

    /**
     * Applies a subscribe/unsubscribe command; anything else gets an {@code error} message.
     *
     * @param connection the sender
     * @param text the JSON message
     */
    @OnTextMessage
    public void onMessage(WebSocketConnection connection, String text) {
        SocketSession session = sessions.get(connection.id());
        if (session == null) {
            return;
        }
        session.heard();
        ClientCommand command;
        try {
            command = mapper.readValue(text, ClientCommand.class);
        } catch (JsonProcessingException e) {
            hub.error(session, "message is not a JSON command: " + e.getOriginalMessage());
            return;
        }
        try {
            List<TypePattern> types = SubscriptionParser.types(command.types());
            List<String> subjects = SubscriptionParser.subjects(command.subjects());
            Subscription next;
            if ("subscribe".equals(command.action())) {
                next = session.subscription().plus(types, subjects);
            } else if ("unsubscribe".equals(command.action())) {
                next = session.subscription().minus(types, subjects);
            } else {
                hub.error(session, "action must be 'subscribe' or 'unsubscribe', not '" + command.action() + "'");
                return;
            }
            if (next.size() > config.connections().maxFilters()) {
                hub.error(
                        session,
                        "at most " + config.connections().maxFilters() + " type patterns and subjects together");
                return;
            }
            hub.resubscribe(session, next);
        } catch (IllegalArgumentException e) {
            hub.error(session, e.getMessage());
        }
    }

    /**
     * @param connection the client that answered a ping
     * @param data the ping payload
     */
    @OnPongMessage
    public void onPong(WebSocketConnection connection, Buffer data) {
        SocketSession session = sessions.get(connection.id());
        if (session != null) {
            session.heard();
        }
    }

    /** @param connection the connection that closed */
    @OnClose
    public void onClose(WebSocketConnection connection) {
        SocketSession session = sessions.remove(connection.id());
        if (session != null) {
            session.closedByClient();
        }
    }
}
