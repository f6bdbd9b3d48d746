package io.infrasystem.commons.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutboundGuardTest {

    /** A fixed DNS: names of this table only, IP literals as they are. */
    static final Map<String, String> DNS = Map.of(
            "hooks.example.com", "93.184.215.14",
            "metadata.google.internal", "169.254.169.254",
            "rebound.example.com", "10.0.0.7",
            "n8n.internal", "172.18.0.5");

    static InetAddress[] resolve(String host) throws UnknownHostException {
        String address = DNS.get(host);
        if (address == null && !host.matches("[0-9a-fA-F.:]+")) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(address == null ? host : address)};
    }

    static OutboundGuard guard(String... allow) {
        return new OutboundGuard(List.of(allow), OutboundGuardTest::resolve);
    }

    @Test
    void internalAddressesAreRefusedByLiteralOrAfterResolution() {
        OutboundGuard guard = guard();
        for (String url : List.of(
                "http://127.0.0.1:8080/q/metrics",
                "http://127.1.2.3/",
                "http://[::1]/",
                "http://0.0.0.0/",
                "http://169.254.169.254/latest/meta-data/",
                "http://metadata.google.internal/computeMetadata/v1/",
                "http://[fd00:ec2::254]/",
                "http://10.1.2.3/",
                "http://172.16.0.1/",
                "http://192.168.1.1/",
                "http://100.100.100.200/",
                "http://[fe80::1]/",
                "http://[::ffff:169.254.169.254]/",
                "http://[64:ff9b::a9fe:a9fe]/",
                "http://rebound.example.com/hook")) {
            assertThat(guard.refusal(url, false)).as(url).isPresent();
            assertThatThrownBy(() -> guard.check(URI.create(url)))
                    .as(url)
                    .isInstanceOf(OutboundGuard.RefusedException.class)
                    .hasMessageContaining("infra.outbound.allow");
        }
        assertThat(guard.refusal("http://rebound.example.com/hook", false).orElseThrow())
                .contains("10.0.0.7")
                .contains("private");
    }

    @Test
    void publicAddressesPass() throws Exception {
        OutboundGuard guard = guard();
        assertThat(guard.refusal("https://hooks.example.com/services/T0/B0/x", true))
                .isEmpty();
        guard.check(URI.create("https://hooks.example.com/x"));
        guard.check(URI.create("http://93.184.215.14/"));
    }

    @Test
    void anUnresolvableHostPassesAtSaveButNotBeforeACall() {
        OutboundGuard guard = guard();
        assertThat(guard.refusal("https://not-yet.example.org/hook", false)).isEmpty();
        assertThat(guard.refusal("https://not-yet.example.org/hook", true)).isPresent();
        assertThatThrownBy(() -> guard.check(URI.create("https://not-yet.example.org/hook")))
                .isInstanceOf(OutboundGuard.RefusedException.class);
    }

    @Test
    void theAllowListNamesHostsAddressesAndRanges() throws Exception {
        OutboundGuard guard = guard("127.0.0.1", "N8N.internal", "10.0.0.0/8", "[::1]");
        guard.check(URI.create("http://127.0.0.1:5678/webhook/x"));
        guard.check(URI.create("http://n8n.internal/webhook/x"));
        guard.check(URI.create("http://rebound.example.com/"));
        guard.check(URI.create("http://[::1]:8025/"));
        assertThat(guard.refusal("http://127.0.0.2/", false)).isPresent();
        assertThat(guard.refusal("http://169.254.169.254/", false)).isPresent();
        assertThat(guard.refusal("http://11.0.0.1/", false)).isEmpty();
    }

    @Test
    void aMalformedAllowEntryStopsTheStart() {
        assertThatThrownBy(() -> guard("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    }
}
