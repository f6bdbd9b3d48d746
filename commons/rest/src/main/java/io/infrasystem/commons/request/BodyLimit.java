package io.infrasystem.commons.request;

import io.vertx.core.http.HttpServerRequest;
import java.util.OptionalLong;

/**
 * The largest body {@link BodySizeGuard} lets a request declare in its {@code Content-Length}. Without
 * a bean of this type the guard applies {@code quarkus.http.limits.max-body-size} to every request; an
 * application whose limits depend on the path provides one (api-gateway: its route table's caps).
 */
@FunctionalInterface
public interface BodyLimit {

    /**
     * @param request the request, before any of its body is read
     * @return the cap in bytes, or empty when the application applies the request's cap itself later
     *     (for declared and chunked bodies alike)
     */
    OptionalLong capFor(HttpServerRequest request);
}
