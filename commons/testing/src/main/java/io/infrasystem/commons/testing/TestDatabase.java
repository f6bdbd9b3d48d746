package io.infrasystem.commons.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Gives a Quarkus test run a database of its own on the real local PostgreSQL or MariaDB: it is
 * created empty at start (Liquibase then migrates it), used as the default datasource, and dropped
 * at the end, so that runs never see each other's data.
 *
 * <p>A test names the kind by class: {@code @QuarkusTestResource(TestDatabase.Postgres.class)} or
 * {@code @QuarkusTestResource(TestDatabase.MariaDb.class)}; on this class itself the init arg
 * {@code kind} = {@code postgresql} (default) or {@code mariadb} chooses. The server and the
 * account that creates databases come from the environment (dev defaults of {@code deploy/local}):
 * {@code INFRA_TEST_PG_URL} ({@code jdbc:postgresql://127.0.0.1:5432/postgres}),
 * {@code INFRA_TEST_MARIADB_URL} ({@code jdbc:mariadb://127.0.0.1:3306/}), {@code INFRA_TEST_DB_USER}
 * and {@code INFRA_TEST_DB_PASSWORD} (both {@code infra_test}). Database names start with
 * {@code test_}, the prefix the test account is allowed to create.
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    private String kind;
    private String adminUrl;
    private String name;

    /** A PostgreSQL database, unless the init arg {@code kind} says {@code mariadb}. */
    public TestDatabase() {
        this("postgresql");
    }

    private TestDatabase(String kind) {
        this.kind = kind;
    }

    /** A database of its own on the local PostgreSQL. */
    public static final class Postgres extends TestDatabase {
        public Postgres() {
            super("postgresql");
        }
    }

    /** A database of its own on the local MariaDB. */
    public static final class MariaDb extends TestDatabase {
        public MariaDb() {
            super("mariadb");
        }
    }

    @Override
    public void init(Map<String, String> initArgs) {
        kind = initArgs.getOrDefault("kind", kind).toLowerCase(Locale.ROOT);
        if (!kind.equals("postgresql") && !kind.equals("mariadb")) {
            throw new IllegalArgumentException("kind must be postgresql or mariadb, not " + kind);
        }
    }

    @Override
    public Map<String, String> start() {
        boolean postgres = kind.equals("postgresql");
        adminUrl = postgres
                ? env("INFRA_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres")
                : env("INFRA_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/");
        name = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("create database " + name);
        String url = postgres
                ? adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name
                : adminUrl.replaceAll("/[^/]*$", "/") + name;
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", user(),
                "quarkus.datasource.password", password());
    }

    @Override
    public void stop() {
        if (name != null) {
            execute(
                    kind.equals("postgresql")
                            ? "drop database if exists " + name + " with (force)"
                            : "drop database if exists " + name);
        }
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(adminUrl, user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Test database statement failed on " + adminUrl + " as " + user()
                            + " (is the local stack set up? run deploy/local/stack test): " + sql,
                    e);
        }
    }

    private static String user() {
        return env("INFRA_TEST_DB_USER", "infra_test");
    }

    private static String password() {
        return env("INFRA_TEST_DB_PASSWORD", "infra_test");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
