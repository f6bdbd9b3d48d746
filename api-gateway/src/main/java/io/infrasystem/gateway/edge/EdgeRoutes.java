package io.infrasystem.gateway.edge;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Installs {@link EdgeHandler} in front of every route of the HTTP server: after Quarkus' CORS
 * handling (so preflights from unknown origins are refused before anything else) and before the
 * REST resources.
 */
@ApplicationScoped
public class EdgeRoutes {

    /** Order of the edge route: just after Quarkus' upload limit and before the default routes. */
    static final int ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1;

    void install(@Observes Router router, EdgeHandler edge) {
        router.route().order(ORDER).handler(edge);
    }
}
