package io.infrasystem.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTest {

    private final Route vm = new Route(
            "vm",
            "/api/vm",
            "127.0.0.1",
            8082,
            false,
            10L << 20,
            List.of("/api/vm/sync"),
            256L << 20,
            Duration.ofSeconds(30));

    @Test
    void aLargeBodyPathCoversItselfAndWhatIsBelowItOnWholeSegmentsOnly() {
        assertThat(vm.bodyCap("/api/vm/sync")).isEqualTo(256L << 20);
        assertThat(vm.bodyCap("/api/vm/sync/vmware")).isEqualTo(256L << 20);
        assertThat(vm.bodyCap("/api/vm/sync-runs")).isEqualTo(10L << 20);
        assertThat(vm.bodyCap("/api/vm/sync-runs/7/finish")).isEqualTo(10L << 20);
        assertThat(vm.bodyCap("/api/vm/synchronise")).isEqualTo(10L << 20);
        assertThat(vm.bodyCap("/api/vm/vms")).isEqualTo(10L << 20);
    }

    @Test
    void aRouteMatchesItsPrefixOnWholeSegmentsOnly() {
        assertThat(vm.matches("/api/vm")).isTrue();
        assertThat(vm.matches("/api/vm/vms")).isTrue();
        assertThat(vm.matches("/api/vmware")).isFalse();
    }
}
