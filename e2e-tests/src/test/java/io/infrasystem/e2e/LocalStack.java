package io.infrasystem.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole suite, started with the README's start command ({@code deploy/local/stack up}) from
 * the service jars that the Maven build packaged, on databases of its own ({@code vm_e2e},
 * {@code inventory_e2e} …, dropped and re-created on every start) so that the development data is
 * never touched. {@link #close()} stops exactly the components this start brought up; servers
 * that were running before (PostgreSQL, MariaDB, or Kafka and Keycloak started by
 * {@code stack test}) are left as they were.
 *
 * @param settings the stack's settings
 * @param log file that receives the stack's output
 * @param startedFile where {@code stack up} writes the components it started
 */
record LocalStack(StackSettings settings, Path log, Path startedFile) implements AutoCloseable {

    private static final Duration UP_TIMEOUT = Duration.ofMinutes(6);
    private static final Duration DOWN_TIMEOUT = Duration.ofMinutes(3);

    /**
     * Starts the suite.
     *
     * @param settings the stack's settings
     * @param log file that receives the stack's output
     * @return the running suite
     * @throws IllegalStateException if a service port is already taken (a development stack is
     *     running: stop it first) or {@code stack up} fails; its output is in {@code log}
     */
    static LocalStack up(StackSettings settings, Path log) throws IOException, InterruptedException {
        List<String> taken = new ArrayList<>();
        for (Map.Entry<String, Integer> service : settings.servicePorts().entrySet()) {
            if (answers(service.getValue())) {
                taken.add(service.getKey() + " (" + service.getValue() + ")");
            }
        }
        if (!taken.isEmpty()) {
            throw new IllegalStateException("service ports already in use: " + taken
                    + "; the end-to-end tests start the services themselves: run deploy/local/stack down first");
        }
        Files.createDirectories(log.getParent());
        Path startedFile = Files.createTempFile(log.getParent(), "stack-started-", ".txt");
        LocalStack stack = new LocalStack(settings, log, startedFile);
        int rc = stack.run(UP_TIMEOUT, "up");
        if (rc != 0) {
            String tail = stack.logTail(40);
            stack.close();
            throw new IllegalStateException(
                    "deploy/local/stack up exited with " + rc + "; last lines of " + log + ":\n" + tail);
        }
        return stack;
    }

    /** Stops what {@link #up} started, in reverse order. */
    @Override
    public void close() throws IOException, InterruptedException {
        List<String> started = started();
        if (!started.isEmpty()) {
            List<String> args = new ArrayList<>(List.of("down"));
            args.addAll(started);
            int rc = run(DOWN_TIMEOUT, args.toArray(String[]::new));
            if (rc != 0) {
                throw new IllegalStateException("deploy/local/stack down exited with " + rc + "; see " + log);
            }
        }
        Files.deleteIfExists(startedFile);
    }

    @Override
    public String toString() {
        try {
            return "started " + started();
        } catch (IOException e) {
            return "started (unknown: " + e.getMessage() + ")";
        }
    }

    /** @return the components {@code up} started, in start order */
    List<String> started() throws IOException {
        return Files.readAllLines(startedFile, StandardCharsets.UTF_8).stream()
                .filter(s -> !s.isBlank())
                .toList();
    }

    private int run(Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(settings.repoRoot().resolve("deploy/local/stack").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(settings.repoRoot().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("INFRA_DB_SUFFIX", "_e2e");
        builder.environment().put("INFRA_DB_FRESH", "1");
        // Inside Maven: a missing jar must fail fast, never start a nested build.
        builder.environment().put("INFRA_NO_BUILD", "1");
        builder.environment().put("INFRA_STARTED_FILE", startedFile.toString());
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            throw new IllegalStateException(
                    "deploy/local/stack " + String.join(" ", args) + " did not finish within " + timeout);
        }
        return process.exitValue();
    }

    private String logTail(int lines) throws IOException {
        List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** @return whether something accepts TCP connections on 127.0.0.1:{@code port} */
    static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
