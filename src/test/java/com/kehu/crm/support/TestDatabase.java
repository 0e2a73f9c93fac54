package com.kehu.crm.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One fresh PostgreSQL database per test JVM, dropped when the JVM exits. Never H2, never skipped.
 *
 * <p>{@code CRM_TEST_DB_MODE}: {@code auto} (default) uses Testcontainers when a Docker engine is reachable, else
 * the local server ({@code CRM_TEST_DB_ADMIN_URL}, default {@code jdbc:postgresql://127.0.0.1:5432/postgres}),
 * else an embedded PostgreSQL; {@code testcontainers}, {@code external} and {@code embedded} force one.
 */
public final class TestDatabase {

    public static final String URL;
    public static final String USER;
    public static final String PASSWORD;
    public static final String MODE;

    static {
        String mode = env("CRM_TEST_DB_MODE", "auto").toLowerCase(Locale.ROOT);
        if (mode.equals("auto")) {
            mode = dockerLikelyAvailable() ? "testcontainers" : (externalReachable() ? "external" : "embedded");
        }
        String[] connection = switch (mode) {
            case "testcontainers" -> startContainer();
            case "external" -> createExternal();
            case "embedded" -> startEmbedded();
            default -> throw new IllegalStateException("Unknown CRM_TEST_DB_MODE " + mode);
        };
        MODE = mode;
        URL = connection[0];
        USER = connection[1];
        PASSWORD = connection[2];
    }

    private TestDatabase() {}

    private static String[] startContainer() {
        var container = new org.testcontainers.postgresql.PostgreSQLContainer("postgres:15-alpine");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        return new String[] {container.getJdbcUrl(), container.getUsername(), container.getPassword()};
    }

    private static String[] createExternal() {
        String adminUrl = adminUrl();
        String user = env("CRM_TEST_DB_USER", "postgres");
        String password = env("CRM_TEST_DB_PASSWORD", "postgres");
        String name = "crm_test_" + HexFormat.of().formatHex(randomBytes());
        try (Connection c = DriverManager.getConnection(adminUrl, user, password)) {
            c.createStatement().execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database on " + adminUrl, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection c = DriverManager.getConnection(adminUrl, user, password)) {
                c.createStatement().execute("drop database if exists " + name + " with (force)");
            } catch (SQLException ignored) {
                // best effort: the next run still gets a fresh database
            }
        }));
        int slash = adminUrl.lastIndexOf('/');
        int query = adminUrl.indexOf('?', slash);
        String url = adminUrl.substring(0, slash + 1) + name + (query < 0 ? "" : adminUrl.substring(query));
        return new String[] {url, user, password};
    }

    private static String[] startEmbedded() {
        try {
            var postgres = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setDataDirectory(Files.createTempDirectory("crm-test-pg"))
                    .setCleanDataDirectory(true)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (Exception ignored) {
                    // shutting down anyway
                }
            }));
            return new String[] {postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres"};
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the embedded PostgreSQL for tests", e);
        }
    }

    private static boolean dockerLikelyAvailable() {
        // a cheap pre-check: asking Testcontainers directly logs a page of errors when there is no engine
        boolean hints = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        if (!hints) {
            return false;
        }
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean externalReachable() {
        try (Connection ignored = DriverManager.getConnection(
                adminUrl() + (adminUrl().contains("?") ? "&" : "?") + "connectTimeout=3",
                env("CRM_TEST_DB_USER", "postgres"),
                env("CRM_TEST_DB_PASSWORD", "postgres"))) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static String adminUrl() {
        return env("CRM_TEST_DB_ADMIN_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
