package com.kehu.crm.marketing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/** A campaign in the list: dates, owner, budget against spent, and how many it targets. */
public record CampaignRow(
        long id,
        String name,
        CampaignType type,
        CampaignStatus status,
        LocalDate startOn,
        LocalDate endOn,
        long ownerId,
        String ownerName,
        BigDecimal budget,
        BigDecimal spent,
        String currency,
        long members) {

    /** Spent as a percentage of the budget, capped at 100 for the bar (an over-budget bar is full and red). */
    public int spentPercent() {
        if (budget.signum() == 0) {
            return spent.signum() > 0 ? 100 : 0;
        }
        return Math.min(
                100,
                spent.multiply(BigDecimal.valueOf(100))
                        .divide(budget, 0, RoundingMode.HALF_UP)
                        .intValue());
    }

    public boolean overBudget() {
        return spent.compareTo(budget) > 0;
    }
}
