package com.kehu.crm.marketing;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One expense line of a campaign. */
public record CampaignExpenseRow(
        long id,
        LocalDate spentOn,
        ExpenseCategory category,
        BigDecimal amount,
        @Nullable String note,
        String recordedByName) {}
