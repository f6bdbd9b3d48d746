package io.infrasystem.realtime.fanout;

import io.infrasystem.realtime.config.RealtimeConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;

/**
 * Every {@code infra.realtime.connections.keepalive-interval}, pings every WebSocket client (and
 * closes those silent beyond the idle timeout) and sends an SSE comment to quiet SSE clients,
 * which also reveals connections that went away without closing. A stream whose internal token has
 * expired is closed instead (so within one interval of the expiry).
 */
@ApplicationScoped
public class Keepalive {

    private final Vertx vertx;
    private final EventHub hub;
    private final RealtimeConfig config;
    private long timer = -1;

    /**
     * @param vertx the Vert.x instance (timer)
     * @param hub the connected clients
     * @param config intervals
     */
    public Keepalive(Vertx vertx, EventHub hub, RealtimeConfig config) {
        this.vertx = vertx;
        this.hub = hub;
        this.config = config;
    }

    void start(@Observes StartupEvent started) {
        timer = vertx.setPeriodic(config.connections().keepaliveInterval().toMillis(), id -> tick());
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void tick() {
        Instant now = Instant.now();
        for (ClientSession session : hub.sessions()) {
            if (!session.closeIfTokenExpired(now)) {
                session.keepalive(now, config.connections().idleTimeout());
            }
        }
    }
}
