package io.infrasystem.vm.bench;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The benchmark posts 10,000 VMs at once: the production body cap (64 MB) instead of the tests' 2 MB. */
public class BenchProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.http.limits.max-body-size", "64M", "quarkus.log.level", "WARN");
    }
}
