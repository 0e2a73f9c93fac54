package com.kehu.crm.analytics;

import com.kehu.crm.identity.CurrentUser;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * One customer's analytics with each class explained in words and numbers, in the reader's language ("VIP: 12-month
 * profit ¥48,200, rank 312 of 1,000,000; the top 20% of customers by profit are VIP"), for the API and the customer's
 * analytics tab.
 */
@Service
public class CustomerAnalytics {

    private final AnalyticsQueries queries;
    private final AnalyticsParameterStore parameters;
    private final MessageSource messages;

    CustomerAnalytics(AnalyticsQueries queries, AnalyticsParameterStore parameters, MessageSource messages) {
        this.queries = queries;
        this.parameters = parameters;
        this.messages = messages;
    }

    /**
     * @param metrics every stored figure, by column name
     * @param explanations class to its explanation (valueTier, rfm, clv, clvTier, loyalty, lifecycle, churn)
     */
    public record View(Map<String, Object> metrics, Map<String, String> explanations) {}

    /** Empty when the reader may not see the customer; metrics empty when not computed yet. */
    public Optional<View> of(long customerId, CurrentUser user, Locale locale) {
        if (!queries.visible(customerId, user)) {
            return Optional.empty();
        }
        Optional<Map<String, Object>> row = queries.customer(customerId, user);
        if (row.isEmpty()) {
            return Optional.of(new View(Map.of(), Map.of("status", text("analytics.explain.notComputed", locale))));
        }
        Map<String, Object> m = row.get();
        AnalyticsParameters p = parameters.current();
        Integer population = queries.computed().customers();
        Map<String, String> explanations = new LinkedHashMap<>();
        explanations.put(
                "valueTier",
                text(
                        "analytics.explain.tier." + m.get("value_tier"),
                        locale,
                        money(m.get("profit_12m"), locale),
                        number(m.get("profit_rank"), locale),
                        number(population, locale),
                        percent(p.vipShare(), locale),
                        percent(p.importantShare(), locale),
                        money(m.get("margin_12m"), locale),
                        money(m.get("cost_to_serve_12m"), locale)));
        if (m.get("rfm_segment") != null) {
            explanations.put(
                    "rfm",
                    text(
                            "analytics.explain.rfm",
                            locale,
                            text("RfmSegment." + m.get("rfm_segment"), locale),
                            m.get("r_score"),
                            m.get("f_score"),
                            m.get("m_score"),
                            number(m.get("recency_days"), locale),
                            number(m.get("purchase_days"), locale),
                            money(m.get("revenue_total"), locale)));
        } else {
            explanations.put("rfm", text("analytics.explain.rfm.none", locale));
        }
        if (m.get("clv") != null) {
            explanations.put(
                    "clv",
                    "MODEL".equals(m.get("clv_method"))
                            ? text(
                                    "analytics.explain.clv.model",
                                    locale,
                                    money(m.get("clv"), locale),
                                    percent(m.get("p_alive"), locale),
                                    decimal(m.get("expected_purchases"), locale),
                                    money(m.get("expected_order_value"), locale),
                                    p.clvHorizonMonths(),
                                    percent(p.annualDiscountRate(), locale))
                            : text(
                                    "analytics.explain.clv.simple",
                                    locale,
                                    money(m.get("clv"), locale),
                                    p.clvHorizonMonths(),
                                    percent(p.annualDiscountRate(), locale)));
        }
        if (m.get("clv_tier") != null) {
            explanations.put(
                    "clvTier",
                    text(
                            "analytics.explain.clvTier." + m.get("clv_tier"),
                            locale,
                            percent(p.mvcShare(), locale),
                            percent(p.stcShare(), locale),
                            money(m.get("clv_potential"), locale)));
        }
        explanations.put(
                "loyalty",
                text(
                        "analytics.explain.loyalty." + m.get("loyalty"),
                        locale,
                        number(m.get("purchase_days_12m"), locale),
                        p.loyaltyMinPurchaseDays(),
                        p.attitudeRecommendMin(),
                        p.attitudeRepurchaseMin()));
        if (m.get("lifecycle_stage") != null) {
            explanations.put(
                    "lifecycle",
                    text(
                            "analytics.explain.lifecycle." + m.get("lifecycle_stage"),
                            locale,
                            money(m.get("revenue_last_6m"), locale),
                            money(m.get("revenue_prev_6m"), locale),
                            percent(p.lifecycleTrend(), locale),
                            p.explorationDays()));
        }
        if (Boolean.TRUE.equals(m.get("churned")) || Boolean.TRUE.equals(m.get("at_risk"))) {
            explanations.put(
                    "churn",
                    text(
                            Boolean.TRUE.equals(m.get("churned"))
                                    ? "analytics.explain.churn.lost"
                                    : "analytics.explain.churn.atRisk",
                            locale,
                            number(m.get("recency_days"), locale),
                            decimal(m.get("mean_interval_days"), locale),
                            m.get("p_alive") == null ? "—" : percent(m.get("p_alive"), locale)));
        }
        return Optional.of(new View(m, explanations));
    }

    private String text(String key, Locale locale, @Nullable Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static String money(@Nullable Object value, Locale locale) {
        if (value == null) {
            return "—";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.CHINA);
        format.setMaximumFractionDigits(0);
        return format.format(new BigDecimal(value.toString()));
    }

    private static String number(@Nullable Object value, Locale locale) {
        return value == null ? "—" : NumberFormat.getIntegerInstance(locale).format(((Number) value).longValue());
    }

    private static String decimal(@Nullable Object value, Locale locale) {
        if (value == null) {
            return "—";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(1);
        return format.format(((Number) value).doubleValue());
    }

    private static String percent(@Nullable Object value, Locale locale) {
        if (value == null) {
            return "—";
        }
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMaximumFractionDigits(1);
        return format.format(((Number) value).doubleValue());
    }
}
