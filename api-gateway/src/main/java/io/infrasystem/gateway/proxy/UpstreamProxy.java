package io.infrasystem.gateway.proxy;

import io.infrasystem.commons.problem.ProblemKind;
import io.infrasystem.commons.problem.VertxProblems;
import io.infrasystem.commons.request.RequestIds;
import io.infrasystem.gateway.config.GatewayConfig;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyOptions;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Forwards requests to the services with Vert.x HTTP Proxy: bodies stream both ways (never held
 * whole), hop-by-hop headers are dropped, WebSocket upgrades are tunnelled. Each request to a
 * service gets {@code infra.gateway.upstream.connect-timeout} to connect and the route's idle
 * timeout between bytes; a refused or broken connection becomes a 502 problem, a timeout a 504
 * problem, both naming the route. A body without {@code Content-Length} is counted as it streams
 * ({@link CappedBody}) and the request refused with 413 once it passes the route's cap.
 */
@ApplicationScoped
public class UpstreamProxy {

    private static final Logger LOG = Logger.getLogger(UpstreamProxy.class);

    private final Map<String, HttpProxy> proxies = new HashMap<>();
    private final Map<String, HttpProxy> openApiProxies = new HashMap<>();

    public UpstreamProxy(Vertx vertx, RouteTable routes, GatewayConfig config, VertxProblems problems) {
        long connectTimeout = config.upstream().connectTimeout().toMillis();
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setMaxPoolSize(config.upstream().maxPoolSize())
                .setConnectTimeout((int) connectTimeout)
                .setKeepAlive(true)
                .setDecompressionSupported(false));
        for (Route route : routes.all()) {
            proxies.put(route.name(), proxy(client, route, connectTimeout, problems, null));
            openApiProxies.put(route.name(), proxy(client, route, connectTimeout, problems, "/q/openapi"));
        }
    }

    private static HttpProxy proxy(
            HttpClient client, Route route, long connectTimeout, VertxProblems problems, String rewriteTo) {
        RequestOptions options = new RequestOptions()
                .setServer(SocketAddress.inetSocketAddress(route.port(), route.host()))
                .setSsl(route.ssl())
                .setConnectTimeout(connectTimeout)
                .setIdleTimeout(route.idleTimeout().toMillis());
        return HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(rewriteTo == null), client)
                .origin(context -> context.client().request(new RequestOptions(options)))
                .addInterceptor(new Failures(route, problems, rewriteTo));
    }

    /**
     * Forwards {@code request} to {@code route}'s service, path unchanged; the caller has set the
     * headers to forward (internal token, request id) on the request.
     */
    public void forward(HttpServerRequest request, Route route) {
        proxies.get(route.name()).handle(request);
    }

    /** Forwards {@code request} to {@code /q/openapi} of {@code route}'s service (query string kept). */
    public void forwardOpenApi(HttpServerRequest request, Route route) {
        openApiProxies.get(route.name()).handle(request);
    }

    /** Turns upstream failures into problems naming the route; optionally rewrites the path. */
    private record Failures(Route route, VertxProblems problems, String rewriteTo) implements ProxyInterceptor {

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            if (rewriteTo != null) {
                String query = context.request().proxiedRequest().query();
                context.request().setURI(query == null ? rewriteTo : rewriteTo + "?" + query);
            }
            HttpServerRequest incoming = context.request().proxiedRequest();
            CappedBody capped = null;
            Body body = context.request().getBody();
            String encoding = incoming.getHeader("Transfer-Encoding");
            if (body != null
                    && encoding != null
                    && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
                capped = new CappedBody(body.stream(), route.bodyCap(incoming.path()));
                context.request().setBody(Body.body(capped, -1));
            }
            CappedBody cap = capped;
            return context.sendRequest().recover(failure -> {
                if (cap != null && cap.exceeded()) {
                    return Future.succeededFuture(problem(
                                    context,
                                    ProblemKind.PAYLOAD_TOO_LARGE,
                                    "Route '" + route.name() + "' accepts bodies of at most "
                                            + route.bodyCap(incoming.path()) + " bytes on " + incoming.path())
                            .putHeader("Connection", "close"));
                }
                boolean timeout = failure instanceof TimeoutException || failure instanceof ConnectTimeoutException;
                ProblemKind kind = timeout ? ProblemKind.GATEWAY_TIMEOUT : ProblemKind.BAD_GATEWAY;
                String detail = timeout
                        ? "Route '" + route.name() + "': the service at " + route.host() + ":" + route.port()
                                + " did not answer in time"
                        : "Route '" + route.name() + "': the service at " + route.host() + ":" + route.port()
                                + " is unreachable";
                LOG.warnf("%s (%s)", detail, failure.toString());
                return Future.succeededFuture(problem(context, kind, detail));
            });
        }

        private ProxyResponse problem(ProxyContext context, ProblemKind kind, String detail) {
            HttpServerRequest original = context.request().proxiedRequest();
            ProxyResponse response = context.request().release().response();
            response.setStatusCode(kind.status().getStatusCode()).setStatusMessage(kind.title());
            response.headers().clear();
            response.putHeader("Content-Type", io.infrasystem.commons.problem.Problem.MEDIA_TYPE);
            response.setBody(Body.body(io.vertx.core.buffer.Buffer.buffer(problems.body(
                    kind, detail, original.path(), original.getHeader(RequestIds.HEADER), java.util.List.of()))));
            return response;
        }
    }
}
