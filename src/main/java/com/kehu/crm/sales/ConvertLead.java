package com.kehu.crm.sales;

import org.jspecify.annotations.Nullable;

/**
 * Convert a qualified lead. {@code existingCustomerId}: attach it to that customer instead of creating one;
 * {@code ignoreDuplicates}: create a new customer although similar ones exist; {@code opportunity}: open a deal too.
 */
public record ConvertLead(
        @Nullable Long existingCustomerId,
        boolean ignoreDuplicates,
        @Nullable OpportunityData opportunity) {}
