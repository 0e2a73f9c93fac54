package com.kehu.crm.shared.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Locale-aware formatting for templates: {@code ${@fmt.dateTime(row.updatedAt)}}. */
@Component("fmt")
public class Formats {

    private final ZoneId zone;

    public Formats(@Value("${crm.time-zone:Asia/Shanghai}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    public String date(@Nullable Instant instant) {
        return instant == null
                ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(locale())
                        .format(instant.atZone(zone));
    }

    public String date(@Nullable LocalDate date) {
        return date == null
                ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(locale())
                        .format(date);
    }

    public String dateTime(@Nullable Instant instant) {
        return instant == null
                ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale())
                        .format(instant.atZone(zone));
    }

    public String number(@Nullable Number number) {
        return number == null ? "" : NumberFormat.getNumberInstance(locale()).format(number);
    }

    public String money(@Nullable BigDecimal amount, String currencyCode) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale());
        format.setCurrency(Currency.getInstance(currencyCode));
        return format.format(amount);
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
