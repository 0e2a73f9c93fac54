package com.kehu.crm.support;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * How a ticket was resolved: the summary (required), and for complaints the compensation requested and granted
 * (amount and/or description) and the remedial action (补救性服务).
 */
public record TicketResolution(
        @Nullable String summary,
        @Nullable String compensationRequested,
        @Nullable String compensationGranted,
        @Nullable BigDecimal compensationAmount,
        @Nullable String remedialAction) {

    public static TicketResolution none() {
        return new TicketResolution(null, null, null, null, null);
    }

    public static TicketResolution of(@Nullable String summary) {
        return new TicketResolution(summary, null, null, null, null);
    }
}
