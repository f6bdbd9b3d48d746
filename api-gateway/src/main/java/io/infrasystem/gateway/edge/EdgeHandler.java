package io.infrasystem.gateway.edge;

import io.infrasystem.commons.problem.ProblemKind;
import io.infrasystem.commons.problem.VertxProblems;
import io.infrasystem.commons.request.RequestIds;
import io.infrasystem.commons.security.ActorType;
import io.infrasystem.commons.security.InternalToken;
import io.infrasystem.gateway.auth.Credential;
import io.infrasystem.gateway.auth.EdgeAuthenticator;
import io.infrasystem.gateway.auth.InternalTokens;
import io.infrasystem.gateway.principal.AuthOutcome;
import io.infrasystem.gateway.principal.CredentialType;
import io.infrasystem.gateway.principal.GatewayPrincipal;
import io.infrasystem.gateway.proxy.Route;
import io.infrasystem.gateway.proxy.RouteTable;
import io.infrasystem.gateway.proxy.UpstreamProxy;
import io.infrasystem.gateway.ratelimit.RateLimiter;
import io.infrasystem.gateway.token.InternalTokenIssuer;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The edge: every request passes here first. It assigns the request id, answers rate-limited
 * callers with 429 and {@code Retry-After}, and then:
 * <ul>
 * <li>a path that a service could read differently ({@link PathGuard}: {@code ..}, encoded dots or
 *     slashes, {@code //}, {@code ;}) is refused with 400 before routing or authentication;</li>
 * <li>public paths (the gateway's {@code /q/openapi}, Swagger UI under {@code /api/docs},
 *     {@code /api/gateway/jwks}) go on unauthenticated; {@code /api/docs/openapi/<route>} is
 *     authenticated and then proxied to that service's {@code /q/openapi};</li>
 * <li>requests without a valid credential count against their socket address
 *     ({@link RateLimiter#tryRefused}; {@code X-Forwarded-For} is never believed); an address out of
 *     that allowance gets 429 without its next credential being looked up;</li>
 * <li>{@code /api/gateway/**}: the credential is checked here and the outcome handed to the
 *     gateway's own resources through the routing context ({@link EdgePrincipalMechanism}), which
 *     answer 401/403 themselves;</li>
 * <li>a path of the route table is authenticated (API key or Keycloak token; else 401), checked
 *     against the route's body cap (413; {@code 100 Continue} once it passes when the client expects
 *     it), and forwarded with the internal token in place of the
 *     caller's credential and with the public base URL and client address in {@code X-Forwarded-*}
 *     ({@link PublicBase});</li>
 * <li>anything else is authenticated and then answered by Quarkus (404 problem).</li>
 * </ul>
 * One access-log line is written when the response ends.
 */
@ApplicationScoped
public class EdgeHandler implements Handler<RoutingContext> {

    private static final String OPENAPI_PREFIX = "/api/docs/openapi/";

    private final RouteTable routes;
    private final UpstreamProxy proxy;
    private final EdgeAuthenticator authenticator;
    private final InternalTokenIssuer tokens;
    private final RateLimiter limiter;
    private final VertxProblems problems;
    private final AccessLog accessLog;
    private final PublicBase publicBase;

    public EdgeHandler(
            RouteTable routes,
            UpstreamProxy proxy,
            EdgeAuthenticator authenticator,
            InternalTokenIssuer tokens,
            RateLimiter limiter,
            VertxProblems problems,
            AccessLog accessLog,
            PublicBase publicBase) {
        this.routes = routes;
        this.proxy = proxy;
        this.authenticator = authenticator;
        this.tokens = tokens;
        this.limiter = limiter;
        this.problems = problems;
        this.accessLog = accessLog;
        this.publicBase = publicBase;
    }

    @Override
    public void handle(RoutingContext ctx) {
        long start = System.nanoTime();
        HttpServerRequest request = ctx.request();
        String path = request.path();
        String requestId = RequestIds.acceptOrGenerate(request.getHeader(RequestIds.HEADER));
        request.headers().set(RequestIds.HEADER, requestId);
        String clientIp =
                request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        Optional<Route> route = routes.match(path);
        String routeName = route.map(Route::name).orElse(path.startsWith("/api/gateway") ? "gateway" : null);
        ctx.addHeadersEndHandler(v -> ctx.response().headers().set(RequestIds.HEADER, requestId));
        ctx.addEndHandler(v -> log(ctx, requestId, routeName, clientIp, start));

        Optional<String> refusal = PathGuard.refusal(path);
        if (refusal.isPresent()) {
            refuse(ctx, ProblemKind.BAD_REQUEST, "Path refused: " + refusal.get(), requestId);
            return;
        }
        if (isPublic(path)) {
            long wait = limiter.tryAnonymous(clientIp);
            if (wait > 0) {
                tooMany(ctx, wait, requestId);
            } else {
                ctx.next();
            }
            return;
        }
        if ("gateway".equals(routeName)) {
            long wait = limiter.tryOwnEndpoints(clientIp);
            if (wait > 0) {
                tooMany(ctx, wait, requestId);
            } else {
                ownEndpoint(ctx, clientIp, requestId);
            }
            return;
        }
        Credential credential = Credential.of(request);
        authenticate(ctx, credential, clientIp, requestId, outcome -> {
            if (!outcome.succeeded()) {
                long wait = outcome.throttled() ? limiter.waitForRefused(clientIp) : limiter.tryRefused(clientIp);
                if (wait > 0) {
                    tooMany(ctx, wait, requestId);
                } else {
                    refuse(ctx, ProblemKind.UNAUTHORIZED, "Credential refused: " + outcome.reason(), requestId);
                }
                return;
            }
            GatewayPrincipal principal = outcome.principal();
            long wait = limiter.tryPrincipal(principal.key());
            if (wait > 0) {
                tooMany(ctx, wait, requestId);
            } else if (path.startsWith(OPENAPI_PREFIX)) {
                openApi(ctx, path.substring(OPENAPI_PREFIX.length()), requestId, clientIp);
            } else if (route.isEmpty()) {
                request.resume();
                ctx.next();
            } else {
                forward(ctx, route.get(), principal, credential, requestId, clientIp);
            }
        });
    }

    /**
     * {@code /api/gateway/**}: the credential is checked here, once, and its outcome handed to the
     * gateway's resources through {@link EdgePrincipalMechanism}; they answer 401/403 themselves. A
     * request without credential, or with an internal token (verified by SmallRye JWT as in every
     * service), goes on untouched.
     */
    private void ownEndpoint(RoutingContext ctx, String clientIp, String requestId) {
        Credential credential = Credential.of(ctx.request());
        if (credential.type() == CredentialType.NONE
                || (credential.type() == CredentialType.BEARER && InternalTokens.isInternal(credential.value()))) {
            ctx.next();
            return;
        }
        authenticate(ctx, credential, clientIp, requestId, outcome -> {
            long wait = outcome.succeeded()
                    ? 0
                    : outcome.throttled() ? limiter.waitForRefused(clientIp) : limiter.tryRefused(clientIp);
            if (wait > 0) {
                tooMany(ctx, wait, requestId);
                return;
            }
            ctx.request().resume();
            ctx.next();
        });
    }

    /**
     * Pauses the request, checks its credential and puts the outcome on the routing context before
     * calling {@code then}.
     */
    private void authenticate(
            RoutingContext ctx, Credential credential, String clientIp, String requestId, Consumer<AuthOutcome> then) {
        HttpServerRequest request = ctx.request();
        request.pause();
        EdgeAuthenticator.RequestInfo info =
                new EdgeAuthenticator.RequestInfo(clientIp, request.method().name(), request.path(), requestId);
        // An address out of its allowance of refused credentials gets no look-up (no key read, no
        // token verified, no failure row) until its bucket refills.
        authenticator
                .authenticate(credential, info, () -> limiter.waitForRefused(clientIp) == 0)
                .onComplete(result -> {
                    AuthOutcome outcome = result.succeeded()
                            ? result.result()
                            : AuthOutcome.failure(credential.type(), "authentication unavailable", null);
                    EdgePrincipalMechanism.hand(ctx, outcome);
                    then.accept(outcome);
                });
    }

    private void forward(
            RoutingContext ctx,
            Route route,
            GatewayPrincipal principal,
            Credential credential,
            String requestId,
            String clientIp) {
        HttpServerRequest request = ctx.request();
        long cap = route.bodyCap(request.path());
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && parseLength(length) > cap) {
            refuse(
                    ctx,
                    ProblemKind.PAYLOAD_TOO_LARGE,
                    "Route '" + route.name() + "' accepts bodies of at most " + cap + " bytes on " + request.path(),
                    requestId);
            return;
        }
        var headers = request.headers();
        if (headers.contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true)) {
            // The body is accepted here (authenticated, within the route's cap): the client (curl sends
            // Expect for large bodies) may send it now; the service gets it without the expectation.
            headers.remove(HttpHeaders.EXPECT);
            request.response().writeContinue();
        }
        headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.tokenFor(principal));
        headers.remove(Credential.API_KEY_HEADER);
        if (credential.viaProtocolHeader()) {
            List<String> kept = Credential.protocols(request).stream()
                    .filter(p -> !p.startsWith(Credential.PROTOCOL_PREFIX))
                    .toList();
            headers.remove("Sec-WebSocket-Protocol");
            if (!kept.isEmpty()) {
                headers.set("Sec-WebSocket-Protocol", kept.stream().collect(Collectors.joining(", ")));
            }
        }
        publicBase.apply(request, clientIp);
        proxy.forward(request, route);
    }

    private void openApi(RoutingContext ctx, String name, String requestId, String clientIp) {
        Optional<Route> route = routes.named(name);
        if (route.isEmpty()) {
            problems.send(
                    ctx.response(),
                    ProblemKind.NOT_FOUND,
                    "No route named '" + name + "'",
                    ctx.request().path(),
                    requestId,
                    List.of());
            return;
        }
        ctx.request().headers().remove(HttpHeaders.AUTHORIZATION);
        ctx.request().headers().remove(Credential.API_KEY_HEADER);
        publicBase.apply(ctx.request(), clientIp);
        proxy.forwardOpenApi(ctx.request(), route.get());
    }

    private void tooMany(RoutingContext ctx, long waitSeconds, String requestId) {
        ctx.response().putHeader("Retry-After", Long.toString(waitSeconds));
        refuse(ctx, ProblemKind.TOO_MANY_REQUESTS, "Rate limit reached; retry in " + waitSeconds + " s", requestId);
    }

    /** Answers with a problem; an unread request body is not drained: the connection is closed instead. */
    private void refuse(RoutingContext ctx, ProblemKind kind, String detail, String requestId) {
        HttpServerRequest request = ctx.request();
        boolean unread = !request.isEnded() && request.version() != HttpVersion.HTTP_2;
        if (unread) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        problems.send(ctx.response(), kind, detail, request.path(), requestId, List.of());
        if (unread) {
            request.resume();
        }
    }

    /**
     * Paths answered without a credential: the gateway's own OpenAPI document, Swagger UI and the
     * JWKS. The services' documents ({@code /api/docs/openapi/<route>}) need a credential; the
     * gateway's health and metrics are on the management interface, not here.
     */
    private static boolean isPublic(String path) {
        return path.equals("/q/openapi")
                || path.equals("/api/docs")
                || (path.startsWith("/api/docs/") && !path.startsWith(OPENAPI_PREFIX))
                || path.equals("/api/gateway/jwks");
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private void log(RoutingContext ctx, String requestId, String routeName, String clientIp, long start) {
        String principal = null;
        String type = null;
        Optional<GatewayPrincipal> edge = EdgePrincipalMechanism.principal(ctx);
        if (edge.isPresent()) {
            principal = edge.get().name();
            type = edge.get().type().wireName();
        } else if (ctx.user() instanceof QuarkusHttpUser user
                && !user.getSecurityIdentity().isAnonymous()) {
            principal = user.getSecurityIdentity().getPrincipal().getName();
            if (user.getSecurityIdentity().getPrincipal() instanceof JsonWebToken jwt) {
                Object claim = jwt.getClaim(InternalToken.PRINCIPAL_TYPE_CLAIM);
                type = claim == null
                        ? null
                        : ActorType.fromClaim(claim instanceof JsonString text ? text.getString() : claim.toString())
                                .wireName();
            }
        }
        accessLog.log(new AccessLog.Entry(
                requestId,
                ctx.request().method().name(),
                ctx.request().path(),
                routeName,
                principal,
                type,
                clientIp,
                ctx.response().getStatusCode(),
                System.nanoTime() - start,
                ctx.request().bytesRead(),
                ctx.response().bytesWritten()));
    }
}
