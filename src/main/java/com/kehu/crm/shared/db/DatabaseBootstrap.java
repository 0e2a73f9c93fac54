package com.kehu.crm.shared.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Makes sure there is a database before the data source is created.
 *
 * <ul>
 *   <li>No {@code spring.datasource.url} and the embedded database allowed (demo mode): start an embedded
 *       PostgreSQL whose data lives in a git-ignored folder, so the demo survives restarts.
 *   <li>A configured URL: create the database when it is missing and the server allows it; when the server
 *       cannot be reached, stop with a clear message instead of a stack trace.
 * </ul>
 *
 * Runs as an {@link EnvironmentPostProcessor} because it has to finish before any bean asks for a connection.
 */
public class DatabaseBootstrap implements EnvironmentPostProcessor, Ordered {

    private static final Pattern JDBC_URL =
            Pattern.compile("^jdbc:postgresql://([^/?]*)/([^?]+)(\\?.*)?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SAFE_DATABASE_NAME = Pattern.compile("[A-Za-z0-9_]{1,63}");
    private static final String INVALID_CATALOG = "3D000";

    private final Log log;

    public DatabaseBootstrap(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(DatabaseBootstrap.class);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("crm.database.bootstrap", Boolean.class, true)) {
            return;
        }
        String url = environment.getProperty("spring.datasource.url");
        if (url == null || url.isBlank()) {
            if (!environment.getProperty("crm.database.embedded.enabled", Boolean.class, false)) {
                throw new DatabaseUnavailableException(
                        "No database is configured (spring.datasource.url is empty) and the embedded database is"
                                + " disabled in this profile.",
                        null);
            }
            startEmbedded(environment);
            return;
        }
        String username = environment.getProperty("spring.datasource.username", "postgres");
        String password = environment.getProperty("spring.datasource.password", "");
        boolean createIfMissing = environment.getProperty("crm.database.create-if-missing", Boolean.class, true);
        ensureDatabase(url, username, password, createIfMissing);
    }

    private void startEmbedded(ConfigurableEnvironment environment) {
        if (!ClassUtils.isPresent(
                "io.zonky.test.db.postgres.embedded.EmbeddedPostgres",
                getClass().getClassLoader())) {
            throw new DatabaseUnavailableException(
                    "No database is configured and the embedded PostgreSQL is not on the classpath (it is left out"
                            + " of the production jar). Set SPRING_DATASOURCE_URL.",
                    null);
        }
        Path dataDir = Path.of(environment.getProperty("crm.database.embedded.data-dir", ".kehu-data/postgres"));
        int port = environment.getProperty("crm.database.embedded.port", Integer.class, 54329);
        String database = environment.getProperty("crm.database.embedded.database", "kehu");
        String url = EmbeddedDatabase.start(dataDir, port, log);
        String databaseUrl = url.replaceFirst("/postgres(\\?|$)", "/" + database + "$1");
        ensureDatabase(databaseUrl, "postgres", "postgres", true);
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", databaseUrl);
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "postgres");
        environment.getPropertySources().addFirst(new MapPropertySource("crmEmbeddedDatabase", properties));
        log.info("Using the embedded PostgreSQL at " + databaseUrl + " (data in " + dataDir.toAbsolutePath() + ")");
    }

    void ensureDatabase(String url, String username, String password, boolean createIfMissing) {
        try (Connection ignored = connect(url, username, password)) {
            return;
        } catch (SQLException ex) {
            if (!INVALID_CATALOG.equals(ex.getSQLState())) {
                throw unavailable(url, ex);
            }
            if (!createIfMissing) {
                throw new DatabaseUnavailableException(
                        "The database in " + url + " does not exist and crm.database.create-if-missing is false.", ex);
            }
        }
        createDatabase(url, username, password);
    }

    private void createDatabase(String url, String username, String password) {
        Matcher matcher = JDBC_URL.matcher(url);
        if (!matcher.matches() || !SAFE_DATABASE_NAME.matcher(matcher.group(2)).matches()) {
            throw new DatabaseUnavailableException(
                    "The database in " + url + " does not exist, and its name is not one Kehu CRM creates by itself"
                            + " (letters, digits and underscores). Create it, then start again.",
                    null);
        }
        String name = matcher.group(2);
        String adminUrl = "jdbc:postgresql://" + matcher.group(1) + "/postgres"
                + (matcher.group(3) == null ? "" : matcher.group(3));
        try (Connection connection = connect(adminUrl, username, password);
                var statement = connection.createStatement()) {
            // An identifier cannot be a bind parameter; the name was checked against SAFE_DATABASE_NAME above.
            statement.execute("CREATE DATABASE \"" + name + "\"");
            log.info("Created database " + name);
        } catch (SQLException ex) {
            if ("42P04".equals(ex.getSQLState())) {
                return; // created concurrently by another instance
            }
            throw new DatabaseUnavailableException(
                    "The database in " + url + " does not exist and could not be created: " + ex.getMessage()
                            + ". Create it, or grant CREATEDB to the user.",
                    ex);
        }
    }

    private static Connection connect(String url, String username, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(url, properties);
    }

    private static DatabaseUnavailableException unavailable(String url, @Nullable SQLException ex) {
        String reason = ex == null ? "" : " (" + ex.getMessage() + ")";
        return new DatabaseUnavailableException(
                "Cannot reach the PostgreSQL server at " + redact(url) + reason + ".", ex);
    }

    static String redact(String url) {
        return url.replaceAll("(?i)password=[^&]*", "password=***");
    }
}
