package io.infrasystem.cert.scan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.infrasystem.cert.TestCertificates;
import io.infrasystem.cert.scan.run.ScanRunDto;
import io.infrasystem.cert.scan.run.ScanRunService;
import io.infrasystem.commons.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Targets with a schedule are scanned when their period has passed since their last scan, not before. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.Postgres.class)
class ScheduledScanTest {

    @Inject
    ScanRunService runs;

    @Test
    void aScheduledTargetIsScannedWhenDueAndNotBefore() throws Exception {
        try (LocalTlsServer server =
                LocalTlsServer.tls(TestCertificates.selfSigned("sched.localhost", 90, "sched.localhost"))) {
            long id = TlsScanTest.target("localhost", server.port(), ",\"schedule_minutes\":5");
            long manual = TlsScanTest.target("localhost", server.port(), ",\"sni\":\"manual.localhost\"");
            ScanRunDto first = runs.startDue(Instant.now());
            assertThat(first).isNotNull();
            assertThat(first.requestedBy()).isEqualTo("system:scan-schedule");
            waitFor(first.id());
            given().header("Authorization", TlsScanTest.EDITOR)
                    .get("/api/cert/scans?scan_run_id=" + first.id())
                    .then()
                    .body("results.scan_target_id", org.hamcrest.Matchers.hasItem((int) id))
                    .body("results.scan_target_id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem((int)
                            manual)));

            assertThat(runs.startDue(Instant.now().plus(Duration.ofMinutes(4)))).isNull();
            ScanRunDto due = runs.startDue(Instant.now().plus(Duration.ofMinutes(6)));
            assertThat(due).isNotNull();
            waitFor(due.id());
            assertThat(scanned(due.id(), id)).isTrue();
        }
    }

    private static boolean scanned(long runId, long targetId) {
        int count = given().header("Authorization", TlsScanTest.EDITOR)
                .get("/api/cert/scans?scan_run_id=" + runId + "&scan_target_id=" + targetId)
                .then()
                .extract()
                .path("count");
        return count > 0;
    }

    /** Polls through the API: the test's own persistence session would keep showing the run as first read. */
    private static void waitFor(long runId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!"completed"
                .equals(given().header("Authorization", TlsScanTest.EDITOR)
                        .get("/api/cert/scan-runs/" + runId)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("status"))) {
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
