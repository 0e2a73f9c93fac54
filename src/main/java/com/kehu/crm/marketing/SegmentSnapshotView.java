package com.kehu.crm.marketing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One "add segment to campaign" run and how far it got. */
public record SegmentSnapshotView(
        long id,
        long segmentId,
        long campaignId,
        String campaignName,
        SnapshotStatus status,
        long total,
        long added,
        long already,
        String startedBy,
        Instant startedAt,
        @Nullable Instant finishedAt) {

    public enum SnapshotStatus {
        RUNNING,
        DONE,
        FAILED
    }

    public boolean running() {
        return status == SnapshotStatus.RUNNING;
    }

    /** Customers of the segment handled so far, new members and existing ones. */
    public long matched() {
        return added + already;
    }

    public int percent() {
        if (status == SnapshotStatus.DONE || total == 0) {
            return status == SnapshotStatus.DONE ? 100 : 0;
        }
        return (int) Math.min(99, matched() * 100 / total);
    }
}
