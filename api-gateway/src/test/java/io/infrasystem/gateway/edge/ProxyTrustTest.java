package io.infrasystem.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProxyTrustTest {

    @Test
    void forwardingWithoutANamedProxyIsRefusedAtStart() {
        assertThat(ProxyTrust.problem(true, List.of())).contains("trusted-proxies");
        assertThat(ProxyTrust.problem(true, List.of(" "))).contains("trusted-proxies");
        assertThat(ProxyTrust.problem(true, List.of("10.0.0.5"))).isNull();
        assertThat(ProxyTrust.problem(false, List.of())).isNull();
    }
}
