package io.infrasystem.commons.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * A private, single-node Apache Kafka broker (KRaft) in a child JVM, for tests that must stop and
 * restart the broker without disturbing anything else. It runs the real broker from the jars that
 * {@code deploy/local/stack kafka-libs} puts in {@code <infra.state.dir>/kafka/libs}, on free
 * loopback ports, with a throw-away data directory; {@link #stop()} and {@link #start()} can be
 * called repeatedly and the broker keeps its port and data across them.
 *
 * <p>{@link #withScram(String, String)} makes a broker secured like the shipped deployments
 * (docs/security.md, point 9): clients authenticate with SASL/SCRAM-SHA-512, the
 * {@code StandardAuthorizer} refuses whatever no ACL allows, and one super user (the broker's own
 * identity, also the one to create users and ACLs with) exists from the first start.
 */
public final class KafkaTestBroker implements AutoCloseable {

    private final Path dataDir;
    private final Path config;
    private final Path libs;
    private final int port;
    private final Map<String, Object> superUserConfig;
    private Process process;

    /** Prepares (formats) a broker without authentication; it is not running until {@link #start()}. */
    public KafkaTestBroker() {
        this(null, null);
    }

    /**
     * Prepares (formats) a broker whose client listener requires SASL/SCRAM-SHA-512 and whose
     * authorizer allows only what ACLs grant; it is not running until {@link #start()}.
     *
     * @param superUser the broker's own principal ({@code User:<superUser>} is the only super user);
     *     its SCRAM credential is written when the storage is formatted
     * @param superPassword its password
     * @return the broker; {@link #clientConfig(String, String)} gives the settings of any SCRAM user
     */
    public static KafkaTestBroker withScram(String superUser, String superPassword) {
        if (superUser == null || superPassword == null || superUser.isBlank() || superPassword.isBlank()) {
            throw new IllegalArgumentException("a secured broker needs a super user name and password");
        }
        return new KafkaTestBroker(superUser, superPassword);
    }

    private KafkaTestBroker(String superUser, String superPassword) {
        String stateDir =
                System.getProperty("infra.state.dir", System.getenv().getOrDefault("INFRA_STATE_DIR", ".state"));
        this.libs = Path.of(stateDir, "kafka", "libs");
        if (!Files.isDirectory(libs)) {
            throw new IllegalStateException(
                    "Kafka broker jars not found in " + libs.toAbsolutePath() + "; run deploy/local/stack kafka-libs");
        }
        try {
            this.dataDir = Files.createTempDirectory("kafka-test-");
            this.port = freePort();
            int controllerPort = freePort();
            Properties props = new Properties();
            props.put("process.roles", "broker,controller");
            props.put("node.id", "1");
            props.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
            String listener = superUser == null ? "PLAINTEXT" : "SASL_PLAINTEXT";
            props.put("listeners", listener + "://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
            props.put(
                    "advertised.listeners",
                    listener + "://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
            props.put("controller.listener.names", "CONTROLLER");
            props.put("inter.broker.listener.name", listener);
            if (superUser == null) {
                props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
                this.superUserConfig = Map.of();
            } else {
                secure(props, superUser, superPassword);
                this.superUserConfig = clientConfig(superUser, superPassword);
            }
            props.put("log.dirs", dataDir.resolve("logs").toString());
            props.put("num.partitions", "3");
            props.put("offsets.topic.replication.factor", "1");
            props.put("transaction.state.log.replication.factor", "1");
            props.put("transaction.state.log.min.isr", "1");
            props.put("share.coordinator.state.topic.replication.factor", "1");
            props.put("share.coordinator.state.topic.min.isr", "1");
            props.put("group.initial.rebalance.delay.ms", "0");
            // A secured broker, like the shipped ones, has only the topics created on purpose.
            props.put("auto.create.topics.enable", String.valueOf(superUser == null));
            this.config = dataDir.resolve("server.properties");
            try (var out = Files.newBufferedWriter(config)) {
                props.store(out, "private test broker");
            }
            List<String> format = new ArrayList<>(
                    List.of("format", "--standalone", "-t", Uuid.randomUuid().toString(), "-c", config.toString()));
            if (superUser != null) {
                // KRaft keeps SCRAM credentials in its metadata: the broker's own one must exist
                // before the first start, so that it can talk to itself.
                format.addAll(List.of(
                        "--add-scram", "SCRAM-SHA-512=[name=" + superUser + ",password=" + superPassword + "]"));
            }
            run("kafka.tools.StorageTool", format.toArray(String[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return {@code host:port} to give clients */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /**
     * The client settings (bootstrap servers, {@code SASL_PLAINTEXT}, {@code SCRAM-SHA-512}, JAAS
     * login) of a SCRAM user of a broker made by {@link #withScram(String, String)}: exactly what a
     * service receives through {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM} and
     * {@code KAFKA_SASL_JAAS_CONFIG}.
     *
     * @param user the SCRAM user name
     * @param password its password
     * @return a new modifiable map, to add producer, consumer or admin settings to
     */
    public Map<String, Object> clientConfig(String user, String password) {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        config.put(
                SaslConfigs.SASL_JAAS_CONFIG,
                jaas("org.apache.kafka.common.security.scram.ScramLoginModule", user, password, ""));
        return config;
    }

    /** @return the settings of the super user (a secured broker's own identity), or none for a plain broker */
    public Map<String, Object> superUserConfig() {
        return new HashMap<>(superUserConfig);
    }

    /**
     * The broker side of {@link #withScram(String, String)}, as in docker-compose.yml: clients
     * and the broker itself use SCRAM-SHA-512 on the client listener; the controller listener
     * (loopback only) accepts the super user alone, with SASL/PLAIN from a static JAAS entry
     * (KRaft controllers cannot read SCRAM credentials).
     */
    private static void secure(Properties props, String superUser, String superPassword) {
        String scram = "org.apache.kafka.common.security.scram.ScramLoginModule";
        String plain = "org.apache.kafka.common.security.plain.PlainLoginModule";
        props.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        props.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
        props.put("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512");
        props.put(
                "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                jaas(scram, superUser, superPassword, ""));
        props.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        props.put("sasl.mechanism.controller.protocol", "PLAIN");
        props.put(
                "listener.name.controller.plain.sasl.jaas.config",
                jaas(plain, superUser, superPassword, " user_" + superUser + "=\"" + superPassword + "\""));
        props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        props.put("super.users", "User:" + superUser);
        props.put("allow.everyone.if.no.acl.found", "false");
    }

    private static String jaas(String module, String user, String password, String extra) {
        return module + " required username=\"" + user + "\" password=\"" + password + "\"" + extra + ";";
    }

    /** Starts the broker and waits until it answers a metadata request (60 s at most). */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            process = new ProcessBuilder(command("kafka.Kafka", config.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(dataDir.resolve("broker.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady(Duration.ofSeconds(60));
    }

    /** Stops the broker (SIGTERM, then SIGKILL after 30 s) and waits for the process to end. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> config = new HashMap<>(superUserConfig);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka test broker exited; see " + dataDir.resolve("broker.log"));
            }
            try (Admin admin = Admin.create(config)) {
                admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                return;
            } catch (Exception notYet) {
                sleep(200);
            }
        }
        throw new IllegalStateException("Kafka test broker not ready after " + timeout);
    }

    private void run(String mainClass, String... args) throws IOException {
        Process tool = new ProcessBuilder(command(mainClass, args))
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve(mainClass + ".log").toFile())
                .start();
        try {
            if (!tool.waitFor(60, TimeUnit.SECONDS) || tool.exitValue() != 0) {
                throw new IllegalStateException(mainClass + " failed; see " + dataDir.resolve(mainClass + ".log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<String> command(String mainClass, String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command =
                new ArrayList<>(List.of(java, "-Xms128m", "-Xmx384m", "-cp", libs.toAbsolutePath() + "/*", mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
