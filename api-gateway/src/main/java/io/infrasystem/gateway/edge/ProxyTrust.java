package io.infrasystem.gateway.edge;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start a gateway that would believe {@code X-Forwarded-*} and {@code Forwarded} from
 * anyone: with {@code quarkus.http.proxy.proxy-address-forwarding=true} Quarkus trusts every peer
 * unless {@code quarkus.http.proxy.trusted-proxies} names some, and the client address decides the
 * rate-limit bucket, the audit {@code client_ip} and the failure log. By default forwarding is off
 * and only the socket address counts.
 */
@ApplicationScoped
public class ProxyTrust {

    private final boolean forwarding;
    private final List<String> trustedProxies;

    public ProxyTrust(
            @ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding", defaultValue = "false")
                    boolean forwarding,
            @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies") Optional<List<String>> trustedProxies) {
        this.forwarding = forwarding;
        this.trustedProxies = trustedProxies.orElse(List.of());
    }

    void check(@Observes StartupEvent event) {
        String problem = problem(forwarding, trustedProxies);
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
    }

    /**
     * @param forwarding {@code quarkus.http.proxy.proxy-address-forwarding}
     * @param trustedProxies {@code quarkus.http.proxy.trusted-proxies}
     * @return why the combination is refused, or {@code null} when it is safe
     */
    static String problem(boolean forwarding, List<String> trustedProxies) {
        if (forwarding && trustedProxies.stream().allMatch(String::isBlank)) {
            return "quarkus.http.proxy.proxy-address-forwarding=true needs quarkus.http.proxy.trusted-proxies"
                    + " (QUARKUS_HTTP_PROXY_TRUSTED_PROXIES): without it every client could choose its address";
        }
        return null;
    }
}
