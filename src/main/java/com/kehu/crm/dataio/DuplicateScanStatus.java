package com.kehu.crm.dataio;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The state of the last duplicate scan, for the progress line. */
public record DuplicateScanStatus(
        String status,
        @Nullable String phase,
        int pairsFound,
        int clustersFound,
        long progressDone,
        long progressTotal,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt) {

    /** Per cent of the running phase done, or -1 when the phase is one statement without steps. */
    public int percent() {
        return progressTotal <= 0 ? -1 : (int) Math.min(100, progressDone * 100 / progressTotal);
    }

    public boolean running() {
        return "RUNNING".equals(status);
    }
}
