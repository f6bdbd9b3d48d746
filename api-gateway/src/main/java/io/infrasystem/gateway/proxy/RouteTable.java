package io.infrasystem.gateway.proxy;

import io.infrasystem.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The route table of {@code infra.gateway.routes.<name>.*} (env e.g. {@code INFRA_GATEWAY_ROUTES_VM_URL}),
 * longest prefix first.
 */
@ApplicationScoped
public class RouteTable {

    private final List<Route> routes;

    public RouteTable(GatewayConfig config) {
        List<Route> resolved = new ArrayList<>();
        for (Map.Entry<String, GatewayConfig.Route> entry : config.routes().entrySet()) {
            GatewayConfig.Route route = entry.getValue();
            URI url = route.url();
            if (url.getHost() == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
                throw new IllegalArgumentException(
                        "infra.gateway.routes." + entry.getKey() + ".url must be http(s)://host[:port], got " + url);
            }
            boolean ssl = "https".equals(url.getScheme());
            int port = url.getPort() > 0 ? url.getPort() : ssl ? 443 : 80;
            String prefix = route.prefix().endsWith("/")
                    ? route.prefix().substring(0, route.prefix().length() - 1)
                    : route.prefix();
            resolved.add(new Route(
                    entry.getKey(),
                    prefix,
                    url.getHost(),
                    port,
                    ssl,
                    route.maxBodySize().asLongValue(),
                    route.largeBodyPaths().orElse(List.of()),
                    route.largeBodySize().asLongValue(),
                    route.idleTimeout().orElse(config.upstream().idleTimeout())));
        }
        resolved.sort(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed());
        this.routes = List.copyOf(resolved);
    }

    /** @return the route serving {@code path}, if any */
    public Optional<Route> match(String path) {
        for (Route route : routes) {
            if (route.matches(path)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    /** @return the route named {@code name}, if configured */
    public Optional<Route> named(String name) {
        return routes.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** @return every route, longest prefix first */
    public List<Route> all() {
        return routes;
    }
}
