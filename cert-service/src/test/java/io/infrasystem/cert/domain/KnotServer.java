package io.infrasystem.cert.domain;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real authoritative DNS server for tests: Knot DNS ({@code knotd}, Debian package {@code knot},
 * which {@code deploy/local/stack test} installs) on a free loopback port, its configuration, zone
 * files, database and control socket in a temporary folder. It serves the zone
 * {@value #ZONE} from {@code zone-v1.zone} (a test resource); {@link #load} swaps in another version
 * and reloads it through {@code knotc}. Tests read the folder from {@code infra.test.knot-dir}.
 */
public class KnotServer implements QuarkusTestResourceLifecycleManager {

    static final String ZONE = "infra-dns-test.com";
    static final String KNOTD = "/usr/sbin/knotd";
    static final String KNOTC = "/usr/sbin/knotc";

    private Process knotd;
    private Path dir;

    @Override
    public Map<String, String> start() {
        if (!Files.isExecutable(Path.of(KNOTD)) || !Files.isExecutable(Path.of(KNOTC))) {
            throw new IllegalStateException(KNOTD + " is missing: install Debian's knot package"
                    + " (deploy/local/stack test does: apt-get install knot)");
        }
        try {
            dir = Files.createTempDirectory("knot");
            int port = freePort();
            Files.writeString(dir.resolve("knot.conf"), """
                    server:
                        listen: 127.0.0.1@%d
                        rundir: %s
                        pidfile: %s/knot.pid
                    log:
                      - target: stderr
                        any: warning
                    database:
                        storage: %s
                    control:
                        listen: %s/knot.sock
                    template:
                      - id: default
                        storage: %s
                        file: "%%s.zone"
                        zonefile-sync: -1
                        journal-content: none
                    zone:
                      - domain: %s
                    """.formatted(port, dir, dir, dir, dir, dir, ZONE));
            load(dir, "zone-v1.zone", false);
            knotd = new ProcessBuilder(KNOTD, "-c", dir.resolve("knot.conf").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("knotd.log").toFile())
                    .start();
            waitUntilServing(port);
            return Map.of("infra.cert.dns.resolver", "127.0.0.1:" + port, "infra.test.knot-dir", dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Serves another version of the test zone.
     *
     * @param dir the server's folder
     * @param resource a zone file under {@code /dns/} of the test resources
     * @param reload whether to tell the running server ({@code knotc zone-reload}, blocking)
     */
    static void load(Path dir, String resource, boolean reload) throws IOException {
        try (var in = KnotServer.class.getResourceAsStream("/dns/" + resource)) {
            Files.write(dir.resolve(ZONE + ".zone"), in.readAllBytes());
        }
        if (reload) {
            run(KNOTC, "-c", dir.resolve("knot.conf").toString(), "-b", "zone-reload", ZONE);
        }
    }

    private static void run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: "
                        + new String(process.getInputStream().readAllBytes()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void waitUntilServing(int port) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (!knotd.isAlive()) {
                throw new IllegalStateException("knotd exited: " + Files.readString(dir.resolve("knotd.log")));
            }
            Process status = new ProcessBuilder(
                            KNOTC, "-c", dir.resolve("knot.conf").toString(), "zone-status", ZONE)
                    .redirectErrorStream(true)
                    .start();
            try {
                if (status.waitFor(10, TimeUnit.SECONDS) && status.exitValue() == 0) {
                    String out = new String(status.getInputStream().readAllBytes());
                    if (out.contains("serial")) {
                        return;
                    }
                }
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("knotd did not load " + ZONE + " within 30 s on port " + port + ": "
                + Files.readString(dir.resolve("knotd.log")));
    }

    /** @return a loopback port free for both UDP and TCP right now */
    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = tcp.getLocalPort();
                try (DatagramSocket udp =
                        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
                    return port;
                } catch (IOException e) {
                    // taken for UDP: try another
                }
            }
        }
        throw new IOException("no free loopback port for UDP and TCP");
    }

    @Override
    public void stop() {
        if (knotd != null) {
            knotd.destroy();
            try {
                if (!knotd.waitFor(10, TimeUnit.SECONDS)) {
                    knotd.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary folder left behind is harmless
            }
        }
    }

    /** @return the lines of knotd's log, for a failing test's message */
    static List<String> log(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve("knotd.log"));
    }
}
