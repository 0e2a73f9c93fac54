package com.kehu.crm.sales;

import java.math.BigDecimal;

/** The facts other modules need about a deal, for example an order created from a won opportunity. */
public record OpportunityRef(
        long id, long customerId, String name, BigDecimal amount, String currency, PipelineStage stage, long ownerId) {}
