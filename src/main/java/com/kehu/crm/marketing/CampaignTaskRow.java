package com.kehu.crm.marketing;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One step of an exhibition's contact plan. */
public record CampaignTaskRow(
        long id,
        CampaignTaskPhase phase,
        String title,
        @Nullable LocalDate dueOn,
        @Nullable String assigneeName,
        boolean done) {}
