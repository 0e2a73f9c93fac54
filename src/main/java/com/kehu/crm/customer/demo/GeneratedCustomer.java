package com.kehu.crm.customer.demo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One row of the customer table as the generator makes it; enum fields hold the enum constant names. */
public record GeneratedCustomer(
        String code,
        String kind,
        String name,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String address,
        String region,
        String industry,
        String source,
        String relationCategory,
        String importance,
        String status,
        long ownerId,
        List<String> tags,
        Map<String, String> profile,
        Instant createdAt) {}
