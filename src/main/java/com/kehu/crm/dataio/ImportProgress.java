package com.kehu.crm.dataio;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An import as the status call shows it. {@code percent} follows the bytes read while parsing (up to 90) and jumps
 * to 100 when validation and merge are done; {@code rowsPerSecond} and {@code etaSeconds} are estimates. {@code failure}
 * is a message key (import.failure.*), never exception text.
 */
public record ImportProgress(
        long id,
        ImportType type,
        ImportStatus status,
        String fileName,
        @Nullable String encoding,
        OnDuplicate onDuplicate,
        @Nullable Integer total,
        int processed,
        int inserted,
        int updated,
        int skipped,
        int failed,
        int percent,
        @Nullable Double rowsPerSecond,
        @Nullable Long etaSeconds,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable String failure) {}
