package com.kehu.crm.order;

/**
 * An order was completed. Published inside the completing transaction, so a synchronous listener (the satisfaction
 * survey invitation, for one) commits or rolls back with it.
 */
public record OrderCompleted(long orderId, long customerId, long completedBy) {}
