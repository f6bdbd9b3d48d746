package io.infrasystem.gateway.edge;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The public base URL of a forwarded request, passed to the service as {@code X-Forwarded-Proto},
 * {@code X-Forwarded-Host} (host and port) and {@code X-Forwarded-Prefix}, so that the links it
 * builds from its {@code UriInfo} ({@code next}, {@code previous}, {@code Location}) are URLs the
 * client can follow. {@code infra.public-url} ({@code INFRA_PUBLIC_URL}, e.g.
 * {@code https://infra.example.com/infra}) wins when set; otherwise the base is the request's own
 * scheme and authority as the gateway sees them ({@code Host}, or what a proxy trusted through
 * {@code quarkus.http.proxy.*} reported), without prefix. Forwarding headers sent by the client are
 * dropped, never passed on: a service believes them from the gateway only.
 */
@ApplicationScoped
public class PublicBase {

    /** Headers the services read for the request's origin; the gateway replaces whatever the client sent. */
    static final List<String> FORWARDING_HEADERS = List.of(
            "Forwarded",
            "X-Forwarded-For",
            "X-Forwarded-Host",
            "X-Forwarded-Port",
            "X-Forwarded-Prefix",
            "X-Forwarded-Proto",
            "X-Forwarded-Server",
            "X-Forwarded-Ssl");

    /**
     * A public base URL.
     *
     * @param proto {@code http} or {@code https}
     * @param host host, with {@code :port} unless it is the scheme's default
     * @param prefix path the gateway is mounted under ({@code /infra}), or empty
     */
    record Base(String proto, String host, String prefix) {}

    private final Optional<Base> configured;

    /**
     * @param publicUrl {@code infra.public-url}: {@code http(s)://host[:port][/prefix]}
     * @throws IllegalArgumentException when it is not such a URL
     */
    public PublicBase(@ConfigProperty(name = "infra.public-url") Optional<URI> publicUrl) {
        this.configured = publicUrl.map(PublicBase::parse);
    }

    static Base parse(URI url) {
        String scheme = url.getScheme();
        if (!("http".equals(scheme) || "https".equals(scheme))
                || url.getHost() == null
                || url.getRawQuery() != null
                || url.getRawFragment() != null) {
            throw new IllegalArgumentException("infra.public-url must be http(s)://host[:port][/prefix], got " + url);
        }
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        String prefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return new Base(scheme, url.getRawAuthority(), prefix);
    }

    /**
     * Replaces the forwarding headers of {@code request} by the public base and the client address.
     *
     * @param request the request about to be forwarded
     * @param clientIp the caller's address as the gateway determined it
     */
    void apply(HttpServerRequest request, String clientIp) {
        Base base = configured.orElseGet(() -> of(request));
        MultiMap headers = request.headers();
        FORWARDING_HEADERS.forEach(headers::remove);
        if (clientIp != null) {
            headers.set("X-Forwarded-For", clientIp);
        }
        headers.set("X-Forwarded-Proto", base.proto());
        headers.set("X-Forwarded-Host", base.host());
        if (!base.prefix().isEmpty()) {
            headers.set("X-Forwarded-Prefix", base.prefix());
        }
    }

    /** @return the request's own scheme and authority (its {@code Host}, else the address it reached) */
    static Base of(HttpServerRequest request) {
        String scheme = request.scheme() == null ? "http" : request.scheme();
        HostAndPort authority = request.authority();
        String host;
        int port;
        if (authority != null && authority.host() != null && !authority.host().isEmpty()) {
            host = authority.host();
            port = authority.port();
        } else {
            host = request.localAddress().hostAddress();
            port = request.localAddress().port();
        }
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        boolean defaultPort =
                port < 0 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return new Base(scheme, defaultPort ? host : host + ":" + port, "");
    }
}
