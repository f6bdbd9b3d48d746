package io.infrasystem.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathGuardTest {

    @Test
    void pathsThatAServiceCouldReadDifferentlyAreRefused() {
        for (String hostile : new String[] {
            "/api/vm/../../q/metrics",
            "/api/vm/..",
            "/api/vm/./vms",
            "/api/vm/%2e%2e/%2e%2e/q/metrics",
            "/api/vm/%2E%2E/q/health",
            "/api/vm/.%2e/q/health",
            "/api/vm//vms",
            "//api/vm/vms",
            "/api/vm/vms;jsessionid=1",
            "/api/vm/vms%3bx=1",
            "/api/vm/vms%2f..%2fq",
            "/api/vm/vms%5c..",
            "/api/vm\\..\\q",
            "/api/vm/%252e%252e/q",
            "/api/vm/vms%00",
            "/api/vm/vms%zz",
            "/api/vm/vms%2",
            "api/vm/vms",
            ""
        }) {
            assertThat(PathGuard.refusal(hostile)).as(hostile).isPresent();
        }
    }

    @Test
    void ordinaryPathsPass() {
        for (String fine : new String[] {
            "/", "/api/vm/vms", "/api/vm/vms/12/manual", "/api/vm/sync-runs", "/api/inventory/assets/a%20b",
            "/assets/index-1a2b.js", "/api/vm/vms/x.y", "/api/vm/vms/...", "/api/vm/vms/", "/api/docs/"
        }) {
            assertThat(PathGuard.refusal(fine)).as(fine).isEmpty();
        }
    }
}
