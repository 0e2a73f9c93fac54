package com.kehu.crm.analytics.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How the dashboards write their figures in the reader's language: amounts in the company currency (yuan, whole
 * units, as the customer analytics tab writes them), counts with grouping, shares as percentages; "—" for a figure
 * that cannot be computed (nothing to divide by).
 */
final class Figures {

    static final String NONE = "—";

    private final Locale locale;

    Figures(Locale locale) {
        this.locale = locale;
    }

    String money(@Nullable Number amount) {
        return money(amount, "CNY");
    }

    String money(@Nullable Number amount, String currency) {
        if (amount == null) {
            return NONE;
        }
        // yuan as ¥ in both languages, as the customer analytics tab writes them; other currencies in the reader's way
        NumberFormat format = NumberFormat.getCurrencyInstance(currency.equals("CNY") ? Locale.CHINA : locale);
        format.setCurrency(Currency.getInstance(currency));
        format.setMaximumFractionDigits(0);
        format.setMinimumFractionDigits(0);
        return format.format(amount instanceof BigDecimal b ? b : new BigDecimal(amount.toString()));
    }

    String count(@Nullable Number count) {
        return count == null ? NONE : NumberFormat.getIntegerInstance(locale).format(count.longValue());
    }

    /** A share 0..1 as a percentage with at most one decimal. */
    String percent(@Nullable Number share) {
        if (share == null) {
            return NONE;
        }
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMaximumFractionDigits(1);
        return format.format(share.doubleValue());
    }

    /** A plain number with at most one decimal (scores, hours, days). */
    String decimal(@Nullable Number value) {
        if (value == null) {
            return NONE;
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(1);
        return format.format(value.doubleValue());
    }

    /** {@code part / whole}, or null when there is nothing to divide by. */
    static @Nullable Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
