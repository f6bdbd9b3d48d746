package io.infrasystem.gateway.proxy;

import io.infrasystem.commons.request.BodyLimit;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The gateway's body limits for commons' {@code BodySizeGuard}: a path of the route table is capped by
 * its route ({@link Route#bodyCap}), which the edge applies itself after authentication (a declared
 * {@code Content-Length} before forwarding, a chunked body while it streams), so the guard leaves it
 * alone; every other path (the gateway's own endpoints) keeps {@code quarkus.http.limits.max-body-size}.
 */
@ApplicationScoped
public class RouteBodyLimit implements BodyLimit {

    private final RouteTable routes;
    private final OptionalLong own;

    public RouteBodyLimit(
            RouteTable routes, @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize ownMaxBodySize) {
        this.routes = routes;
        this.own = OptionalLong.of(ownMaxBodySize.asLongValue());
    }

    @Override
    public OptionalLong capFor(HttpServerRequest request) {
        return routes.match(request.path()).isPresent() ? OptionalLong.empty() : own;
    }
}
