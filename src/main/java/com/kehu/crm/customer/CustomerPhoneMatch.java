package com.kehu.crm.customer;

import org.jspecify.annotations.Nullable;

/** A customer whose phone number matches digits typed or shown by the switchboard; {@code exact} when all match. */
public record CustomerPhoneMatch(
        long id, String code, String name, @Nullable String phone, boolean exact) {}
