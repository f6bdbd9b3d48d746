package io.infrasystem.cert.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.infrasystem.cert.scan.tls.NetworkPolicy;
import io.infrasystem.cert.scan.tls.RefusedTargetException;
import io.infrasystem.cert.scan.tls.ScanConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The SSRF guard with the production defaults and with narrowed networks (no DNS: literals only). */
class NetworkPolicyTest {

    static ScanConfig config(List<String> networks, List<String> domains) {
        return new ScanConfig() {
            @Override
            public Duration connectTimeout() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration handshakeTimeout() {
                return Duration.ofSeconds(1);
            }

            @Override
            public int maxConcurrency() {
                return 1;
            }

            @Override
            public int maxPerHost() {
                return 1;
            }

            @Override
            public int recordBatch() {
                return 100;
            }

            @Override
            public int recordThreads() {
                return 1;
            }

            @Override
            public String scheduleCheck() {
                return "off";
            }

            @Override
            public List<String> allowedNetworks() {
                return networks;
            }

            @Override
            public Optional<List<String>> allowedDomains() {
                return Optional.ofNullable(domains);
            }
        };
    }

    @Test
    void defaultsAllowPublicAndPrivateAddressesButNotLoopbackLinkLocalOrMetadata() throws Exception {
        NetworkPolicy policy = new NetworkPolicy(config(List.of("0.0.0.0/0", "::/0"), null));
        assertThat(policy.resolve("192.0.2.1").getHostAddress()).isEqualTo("192.0.2.1");
        assertThat(policy.resolve("10.20.30.40").getHostAddress()).isEqualTo("10.20.30.40");
        for (String refused : List.of(
                "127.0.0.1",
                "::1",
                "169.254.169.254",
                "169.254.10.1",
                "fe80::1",
                "0.0.0.0",
                "fd00:ec2::254",
                "100.100.100.200")) {
            assertThatThrownBy(() -> policy.resolve(refused))
                    .as(refused)
                    .isInstanceOf(RefusedTargetException.class)
                    .hasMessageContaining("not allowed");
        }
    }

    @Test
    void narrowedNetworksRefuseTheRestAndAnExplicitBlockAllowsLoopback() throws Exception {
        NetworkPolicy policy = new NetworkPolicy(config(List.of("10.0.0.0/8", "127.0.0.0/8"), null));
        assertThat(policy.resolve("10.1.2.3").getHostAddress()).isEqualTo("10.1.2.3");
        assertThat(policy.resolve("127.0.0.1").getHostAddress()).isEqualTo("127.0.0.1");
        assertThatThrownBy(() -> policy.resolve("192.0.2.1")).hasMessageContaining("outside the allowed networks");
        assertThatThrownBy(() -> policy.resolve("169.254.169.254")).hasMessageContaining("not allowed");
    }
}
