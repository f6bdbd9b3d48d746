package io.infrasystem.commons.request;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * The IP address of the client of the current request. Behind the gateway this is the address the
 * gateway forwarded ({@code X-Forwarded-For}, honoured because {@code quarkus.http.proxy} forwarding
 * is on), not the gateway's own.
 */
@RequestScoped
public class ClientAddress {

    private final Instance<HttpServerRequest> request;
    private final CurrentVertxRequest currentRequest;

    @Inject
    public ClientAddress(Instance<HttpServerRequest> request, CurrentVertxRequest currentRequest) {
        this.request = request;
        this.currentRequest = currentRequest;
    }

    /**
     * @return the client's IP address as text, or {@code null} outside an HTTP request (a job, a
     *     consumer, or a request context activated without one)
     */
    public String ip() {
        if (!request.isResolvable() || currentRequest.getCurrent() == null) {
            return null;
        }
        SocketAddress address = request.get().remoteAddress();
        return address == null ? null : address.hostAddress();
    }
}
