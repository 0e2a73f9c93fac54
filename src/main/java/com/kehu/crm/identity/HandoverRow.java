package com.kehu.crm.identity;

import java.time.Instant;
import java.util.Map;

/** A past handover as the history list shows it. */
public record HandoverRow(
        long id,
        String performedBy,
        String fromUser,
        String toUser,
        Instant performedAt,
        Map<String, Integer> counts) {}
