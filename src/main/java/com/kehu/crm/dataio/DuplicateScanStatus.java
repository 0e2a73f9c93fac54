package com.kehu.crm.dataio;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The state of the last duplicate scan, for the progress line. */
public record DuplicateScanStatus(
        String status,
        @Nullable String phase,
        int pairsFound,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt) {

    public boolean running() {
        return "RUNNING".equals(status);
    }
}
