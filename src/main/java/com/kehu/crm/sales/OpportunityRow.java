package com.kehu.crm.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A deal as lists, board cards and the customer 360 show it. */
public record OpportunityRow(
        long id,
        long customerId,
        String customerName,
        String name,
        BigDecimal amount,
        String currency,
        LocalDate expectedCloseDate,
        OpportunityType type,
        PipelineStage stage,
        int probability,
        long ownerId,
        String ownerName,
        @Nullable String nextStep,
        @Nullable LocalDate closedOn,
        long version) {}
