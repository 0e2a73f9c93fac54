package com.kehu.crm.support.api;

import com.kehu.crm.support.TicketChannel;
import com.kehu.crm.support.TicketData;
import com.kehu.crm.support.TicketPriority;
import com.kehu.crm.support.TicketType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of POST (with {@code customerId}, optionally {@code contactId}, {@code orderId}, {@code assigneeId}) and
 * PUT (with {@code version}). No channel means PHONE, no priority NORMAL.
 */
public record TicketRequest(
        @Nullable Long customerId,
        @Nullable Long contactId,
        @Nullable Long orderId,
        @Nullable TicketChannel channel,
        @NotNull TicketType type,
        @NotNull Long categoryId,
        @Nullable TicketPriority priority,
        @NotBlank @Size(max = 200) String subject,
        @Nullable @Size(max = 10000) String description,
        @Nullable Long assigneeId,
        @Nullable Long version) {

    TicketData toData() {
        return new TicketData(
                channel == null ? TicketChannel.PHONE : channel,
                type,
                categoryId,
                priority == null ? TicketPriority.NORMAL : priority,
                subject,
                description);
    }
}
