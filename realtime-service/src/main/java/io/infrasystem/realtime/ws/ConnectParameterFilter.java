package io.infrasystem.realtime.ws;

import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.problem.VertxProblems;
import io.infrasystem.realtime.config.RealtimeConfig;
import io.infrasystem.realtime.subscription.ConnectRequest;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Validates the query parameters of a WebSocket upgrade before the upgrade, so that malformed
 * {@code types}, {@code subjects} or {@code resume_from} get a 400 {@code application/problem+json}
 * body (an upgrade check can only answer with a status).
 */
@ApplicationScoped
public class ConnectParameterFilter {

    private final RealtimeConfig config;
    private final VertxProblems problems;

    /**
     * @param config filter limits
     * @param problems writer of the problem body
     */
    public ConnectParameterFilter(RealtimeConfig config, VertxProblems problems) {
        this.config = config;
        this.problems = problems;
    }

    void register(@Observes Router router) {
        router.get(EventSocket.PATH).order(-10_000).handler(this::validate);
    }

    /**
     * @param params the request's query parameters
     * @param maxFilters most patterns plus subjects allowed
     * @return the parsed request
     * @throws ProblemException 400 when a parameter is malformed
     */
    static ConnectRequest parse(MultiMap params, int maxFilters) {
        return ConnectRequest.parse(
                params.getAll("types"), params.getAll("subjects"), params.get("resume_from"), maxFilters);
    }

    private void validate(RoutingContext context) {
        try {
            parse(context.queryParams(), config.connections().maxFilters());
            context.next();
        } catch (ProblemException e) {
            problems.send(context.request(), e);
        }
    }
}
