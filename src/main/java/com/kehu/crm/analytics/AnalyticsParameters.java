package com.kehu.crm.analytics;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every threshold of the analytics models. The course material gives few numbers, so each is a parameter with a
 * documented default (shown on screen beside the figures it shapes); an administrator's changes are stored as
 * overrides (V32 analytics_parameters) and applied by the next refresh.
 *
 * @param vipShare value tiers: the top this share of customers by 12-month profit are VIP (贵宾型), if profitable
 * @param importantShare the top this cumulative share (VIP included) are important (重要型); the rest ordinary
 * @param ticketCost cost to serve: per service ticket in the last 12 months
 * @param callCost per call-centre call in the last 12 months
 * @param touchCost per campaign touch in the last 12 months
 * @param clvTimeUnit the time unit the lifetime-value models count in (DAY, WEEK, MONTH)
 * @param clvHorizonMonths the horizon of customer lifetime value
 * @param annualDiscountRate the yearly rate future margin is discounted at
 * @param clvMinCustomers a fit needs at least this many customers and a tenth as many repeat buyers; below that,
 *     and for customers the model cannot describe, CLV is the simple estimate
 * @param mvcShare the top this share of customers by CLV are MVC (most valuable customers)
 * @param stcShare the next this share by unrealised potential are STC (second-tier customers)
 * @param churnAliveBelow a customer is counted lost when the probability of being alive falls below this
 * @param churnSilenceFactor or when silent longer than this many times their own mean purchase interval
 * @param singleBuyerLostDays a one-time buyer is lost after this many days without a second purchase
 * @param atRiskAliveBelow at risk (not yet lost) below this probability alive
 * @param atRiskSilenceFactor or silent longer than this many times their mean interval
 * @param loyaltyMinPurchaseDays repeat patronage is high with at least this many purchase days in the last 12 months
 * @param attitudeRecommendMin relative attitude is high when the latest survey answer rates the likelihood to
 *     recommend at least this (0-10)
 * @param attitudeRepurchaseMin and the intention to repurchase at least this (1-5)
 * @param explorationDays lifecycle: a customer whose first purchase is this recent is in exploration (考察期)
 * @param lifecycleTrend lifecycle: revenue of the last 6 months against the 6 before; growing by more than this share
 *     is formation (形成期), within it stability (稳定期), falling by more decline (退化期)
 * @param csiWeights satisfaction index: survey attribute code to its weight (not named: 1; 0 leaves it out)
 */
public record AnalyticsParameters(
        BigDecimal vipShare,
        BigDecimal importantShare,
        BigDecimal ticketCost,
        BigDecimal callCost,
        BigDecimal touchCost,
        ClvTimeUnit clvTimeUnit,
        int clvHorizonMonths,
        BigDecimal annualDiscountRate,
        int clvMinCustomers,
        BigDecimal mvcShare,
        BigDecimal stcShare,
        BigDecimal churnAliveBelow,
        BigDecimal churnSilenceFactor,
        int singleBuyerLostDays,
        BigDecimal atRiskAliveBelow,
        BigDecimal atRiskSilenceFactor,
        int loyaltyMinPurchaseDays,
        int attitudeRecommendMin,
        int attitudeRepurchaseMin,
        int explorationDays,
        BigDecimal lifecycleTrend,
        Map<String, BigDecimal> csiWeights) {

    public static final AnalyticsParameters DEFAULTS = new AnalyticsParameters(
            new BigDecimal("0.20"),
            new BigDecimal("0.50"),
            new BigDecimal("50"),
            new BigDecimal("8"),
            new BigDecimal("2"),
            ClvTimeUnit.WEEK,
            36,
            new BigDecimal("0.10"),
            500,
            new BigDecimal("0.10"),
            new BigDecimal("0.10"),
            new BigDecimal("0.30"),
            new BigDecimal("2.0"),
            365,
            new BigDecimal("0.50"),
            new BigDecimal("1.5"),
            2,
            9,
            4,
            90,
            new BigDecimal("0.20"),
            Map.of());

    public AnalyticsParameters {
        requireShare(vipShare, "vipShare");
        requireShare(importantShare, "importantShare");
        if (importantShare.compareTo(vipShare) < 0) {
            throw new IllegalArgumentException("importantShare must not be below vipShare");
        }
        requireShare(mvcShare, "mvcShare");
        requireShare(stcShare, "stcShare");
        requireShare(churnAliveBelow, "churnAliveBelow");
        requireShare(atRiskAliveBelow, "atRiskAliveBelow");
        if (ticketCost.signum() < 0 || callCost.signum() < 0 || touchCost.signum() < 0) {
            throw new IllegalArgumentException("unit costs must not be negative");
        }
        if (clvHorizonMonths < 1 || clvHorizonMonths > 120 || clvMinCustomers < 10) {
            throw new IllegalArgumentException("CLV horizon must be 1-120 months and the minimum at least 10");
        }
        if (annualDiscountRate.signum() < 0 || annualDiscountRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("annualDiscountRate must be between 0 and 1");
        }
        if (churnSilenceFactor.compareTo(BigDecimal.ONE) < 0 || atRiskSilenceFactor.compareTo(BigDecimal.ONE) < 0) {
            throw new IllegalArgumentException("silence factors must be at least 1");
        }
        if (singleBuyerLostDays < 1 || loyaltyMinPurchaseDays < 1 || explorationDays < 0) {
            throw new IllegalArgumentException("day and count thresholds must be positive");
        }
        if (attitudeRecommendMin < 0
                || attitudeRecommendMin > 10
                || attitudeRepurchaseMin < 1
                || attitudeRepurchaseMin > 5) {
            throw new IllegalArgumentException("attitude thresholds must be on the survey's scales");
        }
        if (lifecycleTrend.signum() < 0) {
            throw new IllegalArgumentException("lifecycleTrend must not be negative");
        }
        csiWeights = Map.copyOf(csiWeights);
        if (csiWeights.values().stream().anyMatch(w -> w.signum() < 0)) {
            throw new IllegalArgumentException("CSI weights must not be negative");
        }
    }

    /** The parameters as name to value, in declaration order (for the overrides and the screen). */
    public Map<String, Object> asMap() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (var component : AnalyticsParameters.class.getRecordComponents()) {
            try {
                values.put(component.getName(), component.getAccessor().invoke(this));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return values;
    }

    private static void requireShare(BigDecimal value, String name) {
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(name + " must be between 0 and 1");
        }
    }
}
