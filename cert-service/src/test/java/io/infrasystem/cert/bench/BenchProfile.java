package io.infrasystem.cert.bench;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The benchmark's settings: quieter logs, the scanner's production concurrency (32). */
public class BenchProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.log.level", "WARN", "infra.cert.scan.max-concurrency", "32");
    }
}
