package io.infrasystem.gateway.web;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Installs {@link WebAppHandler} ahead of the edge (which authenticates everything it sees), so the
 * app's files and client routes are served to anyone; the handler passes API paths on untouched.
 */
@ApplicationScoped
public class WebAppRoutes {

    /** Just before the edge route (which is just before Quarkus' upload limit). */
    static final int ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2;

    void install(@Observes Router router, WebAppHandler web) {
        router.route().order(ORDER).handler(web);
    }
}
