package com.kehu.crm.marketing;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One created care task: the item, the customer (and contact), the task's owner, its due date and state. */
public record CareTaskRow(
        long id,
        long itemId,
        String itemTitle,
        CareKind kind,
        long customerId,
        String customerName,
        @Nullable String contactName,
        String ownerName,
        LocalDate occasionOn,
        @Nullable Long activityId,
        CareTaskState state) {}
