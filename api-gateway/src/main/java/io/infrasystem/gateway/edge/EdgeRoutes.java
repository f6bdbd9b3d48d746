package io.infrasystem.gateway.edge;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Installs {@link EdgeHandler} in front of every route of the HTTP server: after Quarkus' CORS
 * handling (so preflights from unknown origins are refused before anything else), before Quarkus'
 * upload limit and before the REST resources. Requests to a route are the edge's alone and capped by
 * their route; requests it passes on (the gateway's own endpoints) meet Quarkus' upload limit
 * ({@code quarkus.http.limits.max-body-size}) next.
 */
@ApplicationScoped
public class EdgeRoutes {

    /** Order of the edge route: just before Quarkus' upload limit, after its CORS filter. */
    static final int ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;

    void install(@Observes Router router, EdgeHandler edge) {
        router.route().order(ORDER).handler(edge);
    }
}
