package com.kehu.crm.support;

import org.jspecify.annotations.Nullable;

/** A ticket's editable facts, as the form and the API post them. */
public record TicketData(
        TicketChannel channel,
        TicketType type,
        long categoryId,
        TicketPriority priority,
        String subject,
        @Nullable String description) {}
