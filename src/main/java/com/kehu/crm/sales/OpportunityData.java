package com.kehu.crm.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The editable fields of an opportunity. {@code probability} null means "the stage's default"; a number overrides it
 * for this deal until its stage changes.
 */
public record OpportunityData(
        String name,
        BigDecimal amount,
        String currency,
        LocalDate expectedCloseDate,
        OpportunityType type,
        @Nullable Integer probability,
        @Nullable String nextStep,
        @Nullable String competitor) {}
