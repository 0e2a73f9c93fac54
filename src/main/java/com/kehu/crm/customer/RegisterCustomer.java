package com.kehu.crm.customer;

import org.jspecify.annotations.Nullable;

/** Create a customer. Without a code one is generated; without an owner the creator owns it. */
public record RegisterCustomer(
        CustomerKind kind,
        @Nullable String code,
        CustomerDetailsData data,
        @Nullable Long ownerId) {}
