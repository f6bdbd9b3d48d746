package io.infrasystem.gateway.web;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Optional;

/**
 * Serves the web application, without authentication (the app logs in itself, the API decides):
 * <ul>
 * <li>{@code /assets/*}: Vite's content-hashed files, cached for a year ({@code immutable}); 404
 *     when absent;</li>
 * <li>{@code /config.json}: the app's login settings from {@link WebConfig};</li>
 * <li>other files of the app (e.g. {@code /favicon.svg}) and {@code index.html}: revalidated on
 *     every use ({@code no-cache});</li>
 * <li>any other {@code GET} that accepts {@code text/html}: {@code index.html}, so that the app's
 *     own routes ({@code /vms/12}) survive a reload.</li>
 * </ul>
 * Paths under {@code /api/} and {@code /q/}, other methods and non-HTML requests go on unchanged
 * (to the edge: authentication, proxy, problem documents). Every answer carries the
 * Content-Security-Policy of {@link #contentSecurityPolicy(String)}.
 */
@ApplicationScoped
public class WebAppHandler implements Handler<RoutingContext> {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String NO_CACHE = "no-cache";

    private final WebAssets assets;
    private final WebConfig config;
    private final String csp;

    public WebAppHandler(WebAssets assets, WebConfig config) {
        this.assets = assets;
        this.config = config;
        this.csp = contentSecurityPolicy(config.keycloakUrl());
    }

    /**
     * @param keycloakUrl Keycloak's base URL (only its origin is used)
     * @return a policy admitting the gateway's own origin and, for token calls and silent renewal
     *     frames, Keycloak's; inline styles are allowed (the component library sets CSS variables)
     */
    static String contentSecurityPolicy(String keycloakUrl) {
        String keycloak = origin(keycloakUrl);
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "font-src 'self'; connect-src 'self' " + keycloak + "; frame-src " + keycloak
                + "; frame-ancestors 'none'; form-action 'self' " + keycloak + "; base-uri 'self'; object-src 'none'";
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String path = request.path();
        boolean read = request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD;
        if (!read || path.startsWith("/api/") || path.equals("/api") || path.startsWith("/q/")) {
            ctx.next();
            return;
        }
        if (path.equals("/config.json")) {
            send(ctx, settings(), "application/json", NO_CACHE);
            return;
        }
        Optional<WebAssets.Asset> asset = path.equals("/") ? Optional.empty() : assets.find(path);
        if (asset.isPresent()) {
            WebAssets.Asset file = asset.get();
            send(ctx, file.content(), file.contentType(), path.startsWith("/assets/") ? IMMUTABLE : NO_CACHE);
        } else if (!path.startsWith("/assets/") && acceptsHtml(request)) {
            Optional<WebAssets.Asset> index = assets.find("/index.html");
            if (index.isPresent()) {
                send(ctx, index.get().content(), index.get().contentType(), NO_CACHE);
            } else {
                ctx.next();
            }
        } else if (path.startsWith("/assets/")) {
            ctx.response()
                    .setStatusCode(404)
                    .putHeader(HttpHeaders.CACHE_CONTROL, NO_CACHE)
                    .end();
        } else {
            ctx.next();
        }
    }

    private byte[] settings() {
        return new JsonObject()
                .put("authority", config.authority())
                .put("client_id", config.clientId())
                .toBuffer()
                .getBytes();
    }

    private void send(RoutingContext ctx, byte[] body, String contentType, String cacheControl) {
        HttpServerResponse response = ctx.response();
        response.putHeader(HttpHeaders.CONTENT_TYPE, contentType)
                .putHeader(HttpHeaders.CACHE_CONTROL, cacheControl)
                .putHeader("Content-Security-Policy", csp)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer");
        if (ctx.request().method() == HttpMethod.HEAD) {
            response.putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length))
                    .end();
        } else {
            response.end(Buffer.buffer(body));
        }
    }

    private static boolean acceptsHtml(HttpServerRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("text/html");
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
