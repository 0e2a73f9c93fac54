package com.kehu.crm.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

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
        List<Violation> violations = new ArrayList<>();
        share(violations, "vipShare", vipShare);
        share(violations, "importantShare", importantShare);
        if (vipShare != null && importantShare != null && importantShare.compareTo(vipShare) < 0) {
            violations.add(new Violation(
                    "importantShare",
                    RULE + "importantBelowVip",
                    List.of(),
                    "importantShare must not be below vipShare"));
        }
        notNegative(violations, "ticketCost", ticketCost);
        notNegative(violations, "callCost", callCost);
        notNegative(violations, "touchCost", touchCost);
        if (clvTimeUnit == null) {
            violations.add(Violation.required("clvTimeUnit"));
        }
        range(violations, "clvHorizonMonths", clvHorizonMonths, 1, 120);
        share(violations, "annualDiscountRate", annualDiscountRate);
        atLeast(violations, "clvMinCustomers", clvMinCustomers, 10);
        share(violations, "mvcShare", mvcShare);
        share(violations, "stcShare", stcShare);
        share(violations, "churnAliveBelow", churnAliveBelow);
        atLeast(violations, "churnSilenceFactor", churnSilenceFactor, BigDecimal.ONE);
        atLeast(violations, "singleBuyerLostDays", singleBuyerLostDays, 1);
        share(violations, "atRiskAliveBelow", atRiskAliveBelow);
        atLeast(violations, "atRiskSilenceFactor", atRiskSilenceFactor, BigDecimal.ONE);
        atLeast(violations, "loyaltyMinPurchaseDays", loyaltyMinPurchaseDays, 1);
        range(violations, "attitudeRecommendMin", attitudeRecommendMin, 0, 10);
        range(violations, "attitudeRepurchaseMin", attitudeRepurchaseMin, 1, 5);
        atLeast(violations, "explorationDays", explorationDays, 0);
        notNegative(violations, "lifecycleTrend", lifecycleTrend);
        if (csiWeights == null) {
            violations.add(Violation.required("csiWeights"));
        } else {
            csiWeights.forEach((code, weight) -> notNegative(violations, "csiWeights[" + code + "]", weight));
        }
        if (!violations.isEmpty()) {
            throw new InvalidParameters(violations);
        }
        csiWeights = Map.copyOf(csiWeights);
    }

    /** The message key prefix of the rules; the keys are in the message bundles, with the arguments given. */
    static final String RULE = "analytics.parameters.rule.";

    /**
     * A rule one parameter breaks: the parameter ({@code csiWeights[CODE]} for a weight), the rule as a message key
     * with its arguments (for screens, in the user's language), and the same in English (for the API).
     */
    public record Violation(String field, String rule, List<Object> arguments, String message) {

        static Violation required(String field) {
            return new Violation(field, RULE + "required", List.of(), field + " is required");
        }
    }

    /** Parameters that break one or more rules; the message lists them in English. */
    public static class InvalidParameters extends IllegalArgumentException {

        private final List<Violation> violations;

        InvalidParameters(List<Violation> violations) {
            super(violations.stream().map(Violation::message).collect(Collectors.joining("; ")));
            this.violations = List.copyOf(violations);
        }

        public List<Violation> violations() {
            return violations;
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

    private static void share(List<Violation> violations, String name, @Nullable BigDecimal value) {
        if (value == null) {
            violations.add(Violation.required(name));
        } else if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            violations.add(new Violation(name, RULE + "share", List.of(), name + " must be between 0 and 1"));
        }
    }

    private static void notNegative(List<Violation> violations, String name, @Nullable BigDecimal value) {
        if (value == null) {
            violations.add(Violation.required(name));
        } else if (value.signum() < 0) {
            violations.add(new Violation(name, RULE + "notNegative", List.of(), name + " must not be negative"));
        }
    }

    private static void atLeast(List<Violation> violations, String name, @Nullable BigDecimal value, BigDecimal min) {
        if (value == null) {
            violations.add(Violation.required(name));
        } else if (value.compareTo(min) < 0) {
            violations.add(new Violation(name, RULE + "atLeast", List.of(min), name + " must be at least " + min));
        }
    }

    private static void atLeast(List<Violation> violations, String name, int value, int min) {
        if (value < min) {
            violations.add(new Violation(name, RULE + "atLeast", List.of(min), name + " must be at least " + min));
        }
    }

    private static void range(List<Violation> violations, String name, int value, int min, int max) {
        if (value < min || value > max) {
            violations.add(new Violation(
                    name, RULE + "range", List.of(min, max), name + " must be between " + min + " and " + max));
        }
    }
}
