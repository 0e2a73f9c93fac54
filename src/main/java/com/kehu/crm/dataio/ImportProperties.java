package com.kehu.crm.dataio;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The import screens' housekeeping.
 *
 * @param uploadDir where uploads wait while they are drafts (default: kehu-imports in the system temp directory)
 * @param draftLifetime a draft not run within this time is deleted with its file
 * @param rowRetentionDays the staged rows of a finished import are deleted this many days after it finished; from
 *     then on it has no error file and cannot be undone
 * @param cleanupCron when the cleanup runs (in {@code crm.time-zone}; "-" switches it off)
 */
@ConfigurationProperties("crm.dataio.imports")
public record ImportProperties(
        @Nullable Path uploadDir,
        @DefaultValue("24h") Duration draftLifetime,
        @DefaultValue("90") int rowRetentionDays,
        @DefaultValue("0 40 * * * *") String cleanupCron) {

    public ImportProperties {
        if (uploadDir == null) {
            uploadDir = Path.of(System.getProperty("java.io.tmpdir"), "kehu-imports");
        }
        if (rowRetentionDays < 1) {
            throw new IllegalArgumentException("crm.dataio.imports.row-retention-days must be positive");
        }
    }

    /** The upload directory, never null after construction. */
    public Path uploads() {
        return uploadDir == null ? Path.of(System.getProperty("java.io.tmpdir"), "kehu-imports") : uploadDir;
    }
}
