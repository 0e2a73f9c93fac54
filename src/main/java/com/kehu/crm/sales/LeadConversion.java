package com.kehu.crm.sales;

import org.jspecify.annotations.Nullable;

/** What converting a lead created (or, for the customer, attached to). */
public record LeadConversion(
        long customerId, long contactId, @Nullable Long opportunityId) {}
