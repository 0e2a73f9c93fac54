package com.kehu.crm.support.web;

import com.kehu.crm.shared.time.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** "due in 3 h" / "overdue by 20 min", computed on the server in the reader's language ({@code @slaCountdown}). */
@Component("slaCountdown")
@RequiredArgsConstructor
public class SlaCountdown {

    private final BusinessCalendar calendar;
    private final MessageSource messages;

    public String label(Instant due) {
        Duration left = Duration.between(calendar.now(), due);
        boolean overdue = left.isNegative();
        String amount = amount(left.abs());
        return messages.getMessage(
                overdue ? "ticket.due.overdue" : "ticket.due.in",
                new Object[] {amount},
                LocaleContextHolder.getLocale());
    }

    public boolean overdue(Instant due) {
        return calendar.now().isAfter(due);
    }

    String amount(Duration duration) {
        long minutes = Math.max(duration.toMinutes(), 1);
        String key;
        long value;
        if (minutes >= 2 * 24 * 60) {
            key = "ticket.duration.days";
            value = minutes / (24 * 60);
        } else if (minutes >= 60) {
            key = "ticket.duration.hours";
            value = minutes / 60;
        } else {
            key = "ticket.duration.minutes";
            value = minutes;
        }
        return messages.getMessage(key, new Object[] {value}, LocaleContextHolder.getLocale());
    }
}
