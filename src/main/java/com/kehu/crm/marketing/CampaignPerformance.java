package com.kehu.crm.marketing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * A campaign's attributed results (CATALOG 3.5): cost (what it spent), the booked orders attributed to it, their
 * revenue and gross margin, the leads it produced and the customers it won (attributed buyers whose first completed
 * purchase came on or after their touch). ROI = (margin − cost) / cost; ratios are null when the divisor is zero.
 */
public record CampaignPerformance(
        long campaignId,
        String currency,
        BigDecimal cost,
        long orders,
        BigDecimal revenue,
        BigDecimal margin,
        long leads,
        long customersWon,
        int attributionDays,
        AttributionRule rule) {

    public @Nullable BigDecimal roi() {
        return cost.signum() == 0 ? null : margin.subtract(cost).divide(cost, 4, RoundingMode.HALF_UP);
    }

    public @Nullable BigDecimal costPerLead() {
        return leads == 0 ? null : cost.divide(BigDecimal.valueOf(leads), 2, RoundingMode.HALF_UP);
    }

    public @Nullable BigDecimal costPerCustomerWon() {
        return customersWon == 0 ? null : cost.divide(BigDecimal.valueOf(customersWon), 2, RoundingMode.HALF_UP);
    }

    /** ROI as a percentage for screens, e.g. 50.0 for 0.5. */
    public @Nullable BigDecimal roiPercent() {
        BigDecimal roi = roi();
        return roi == null ? null : roi.movePointRight(2).setScale(1, RoundingMode.HALF_UP);
    }
}
