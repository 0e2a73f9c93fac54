package com.kehu.crm.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kehu.crm.support.TestDatabase;
import java.sql.DriverManager;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class DatabaseBootstrapTests {

    private final DatabaseBootstrap bootstrap =
            new DatabaseBootstrap(new org.springframework.boot.logging.DeferredLogs());

    @Test
    void createsAMissingDatabaseOnTheConfiguredServer() throws Exception {
        String name = "crm_boot_"
                + HexFormat.of()
                        .formatHex(
                                new byte[] {(byte) ThreadLocalRandom.current().nextInt()});
        String url = TestDatabase.URL.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        try {
            bootstrap.ensureDatabase(url, TestDatabase.USER, TestDatabase.PASSWORD, true);
            try (var connection = DriverManager.getConnection(url, TestDatabase.USER, TestDatabase.PASSWORD)) {
                assertThat(connection.isValid(2)).isTrue();
            }
            // a second start finds it
            bootstrap.ensureDatabase(url, TestDatabase.USER, TestDatabase.PASSWORD, true);
        } finally {
            try (var admin = DriverManager.getConnection(TestDatabase.URL, TestDatabase.USER, TestDatabase.PASSWORD)) {
                admin.createStatement().execute("drop database if exists " + name + " with (force)");
            }
        }
    }

    @Test
    void refusesToCreateWhenNotAllowedOrTheNameIsUnsafe() {
        String missing = TestDatabase.URL.replaceFirst("/[^/?]+(\\?|$)", "/crm_never_created$1");
        assertThatThrownBy(() -> bootstrap.ensureDatabase(missing, TestDatabase.USER, TestDatabase.PASSWORD, false))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("does not exist");
        String unsafe = TestDatabase.URL.replaceFirst("/[^/?]+(\\?|$)", "/bad-name$1");
        assertThatThrownBy(() -> bootstrap.ensureDatabase(unsafe, TestDatabase.USER, TestDatabase.PASSWORD, true))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("Create it");
    }

    @Test
    void explainsAnUnreachableServerWithoutLeakingThePassword() {
        String url = "jdbc:postgresql://127.0.0.1:1/kehu?password=secret";
        assertThatThrownBy(() -> bootstrap.ensureDatabase(url, "postgres", "secret", true))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("Cannot reach the PostgreSQL server")
                .hasMessageNotContaining("secret");
        var analysis = new StartupFailureAnalyzer()
                .analyze(new DatabaseUnavailableException("Cannot reach the PostgreSQL server at x.", null));
        assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL");
    }

    @Test
    void refusesToStartWithoutADatabaseWhenTheEmbeddedOneIsOff() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "test", Map.of("spring.datasource.url", "", "crm.database.embedded.enabled", "false")));
        assertThatThrownBy(() -> bootstrap.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("No database is configured");
    }
}
