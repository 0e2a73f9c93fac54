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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Locale-aware formatting for templates: {@code ${@fmt.dateTime(row.updatedAt)}}. Formatters are built once per
 * locale (a board renders hundreds of amounts and dates); number formats, which are not thread-safe, are cloned from
 * the cached prototype.
 */
@Component("fmt")
public class Formats {

    private final ZoneId zone;
    private final Map<Locale, DateTimeFormatter> dates = new ConcurrentHashMap<>();
    private final Map<Locale, DateTimeFormatter> dateTimes = new ConcurrentHashMap<>();
    private final Map<Locale, NumberFormat> numbers = new ConcurrentHashMap<>();
    private final Map<Locale, NumberFormat> currencies = new ConcurrentHashMap<>();

    public Formats(@Value("${crm.time-zone:Asia/Shanghai}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    public String date(@Nullable Instant instant) {
        return instant == null ? "" : dateFormat().format(instant.atZone(zone));
    }

    public String date(@Nullable LocalDate date) {
        return date == null ? "" : dateFormat().format(date);
    }

    public String dateTime(@Nullable Instant instant) {
        return instant == null
                ? ""
                : dateTimes
                        .computeIfAbsent(
                                locale(),
                                l -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                                        .withLocale(l))
                        .format(instant.atZone(zone));
    }

    public String number(@Nullable Number number) {
        return number == null
                ? ""
                : ((NumberFormat) numbers.computeIfAbsent(locale(), NumberFormat::getNumberInstance)
                                .clone())
                        .format(number);
    }

    public String money(@Nullable BigDecimal amount, String currencyCode) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = (NumberFormat) currencies
                .computeIfAbsent(locale(), NumberFormat::getCurrencyInstance)
                .clone();
        format.setCurrency(Currency.getInstance(currencyCode));
        return format.format(amount);
    }

    private DateTimeFormatter dateFormat() {
        return dates.computeIfAbsent(
                locale(),
                l -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(l));
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
