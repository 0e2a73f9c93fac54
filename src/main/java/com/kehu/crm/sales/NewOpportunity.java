package com.kehu.crm.sales;

import org.jspecify.annotations.Nullable;

/**
 * Open a deal with a customer. {@code ownerId} null means the user themselves; {@code sourceLeadId} links a deal made
 * by converting a lead.
 */
public record NewOpportunity(
        long customerId,
        OpportunityData data,
        @Nullable Long ownerId,
        @Nullable Long sourceLeadId) {}
