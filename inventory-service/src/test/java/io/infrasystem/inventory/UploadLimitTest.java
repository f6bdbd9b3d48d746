package io.infrasystem.inventory;

import static io.infrasystem.inventory.Api.ADMIN;
import static io.infrasystem.inventory.Api.VIEWER;
import static io.infrasystem.inventory.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.infrasystem.commons.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Uploads above {@code quarkus.http.limits.max-body-size} (64 MiB; the CSV import and the restore
 * share it) are refused with a 413 problem before the body is read, and nothing is written. The
 * 200 MB bodies are generated while they are sent, never held in memory.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.MariaDb.class)
class UploadLimitTest {

    private static final long SIZE = 200L * 1000 * 1000;
    private static final long LIMIT = 64L * 1024 * 1024;

    @TestHTTPResource("/")
    URI root;

    @Test
    void a200MegabyteCsvImportIs413ProblemAndWritesNothing() throws Exception {
        long model = Api.model(Api.manufacturer(), "1", true);
        long before = assetCount();
        AtomicLong sent = new AtomicLong();
        HttpResponse<String> response = upload(
                "api/inventory/import/assets",
                "text/csv",
                new CsvGenerator("asset_tag,model_id,status\n", "BIG-%d," + model + ",active\n", SIZE, sent));
        assertTooLarge(response, sent);
        assertThat(assetCount()).isEqualTo(before);
        as(VIEWER)
                .get("/api/inventory/assets?asset_tag__isw=BIG-")
                .then()
                .statusCode(200)
                .body("count", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void a200MegabyteRestoreIs413ProblemAndChangesNothing() throws Exception {
        long model = Api.model(Api.manufacturer(), "1", true);
        Api.asset(model, "");
        long before = assetCount();
        AtomicLong sent = new AtomicLong();
        HttpResponse<String> response =
                upload("api/inventory/restore", "application/zip", new CsvGenerator("PK", "%d", SIZE, sent));
        assertTooLarge(response, sent);
        assertThat(assetCount()).isEqualTo(before);
    }

    private HttpResponse<String> upload(String path, String contentType, InputStream body) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        HttpRequest request = HttpRequest.newBuilder(root.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", ADMIN)
                .header("Content-Type", contentType)
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> body), SIZE))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void assertTooLarge(HttpResponse<String> response, AtomicLong sent) {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body())
                .contains("payload-too-large")
                .contains(String.valueOf(SIZE))
                .contains(String.valueOf(LIMIT));
        assertThat(sent.get())
                .as("bytes the client generated before the refusal")
                .isLessThan(LIMIT);
    }

    private static long assetCount() {
        return as(VIEWER)
                .get("/api/inventory/assets?limit=1")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("count");
    }

    /** A body of {@code size} bytes made on demand: a head, then numbered lines; counts what was read. */
    private static final class CsvGenerator extends InputStream {

        private final String line;
        private final long size;
        private final AtomicLong read;
        private byte[] chunk;
        private int at;
        private long lines;

        CsvGenerator(String head, String line, long size, AtomicLong read) {
            this.line = line;
            this.size = size;
            this.read = read;
            this.chunk = head.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (read.get() >= size) {
                return -1;
            }
            if (at == chunk.length) {
                chunk = line.formatted(lines++).getBytes(StandardCharsets.UTF_8);
                at = 0;
            }
            int n = (int) Math.min(Math.min(length, chunk.length - at), size - read.get());
            System.arraycopy(chunk, at, buffer, offset, n);
            at += n;
            read.addAndGet(n);
            return n;
        }
    }
}
