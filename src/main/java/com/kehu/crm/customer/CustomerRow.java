package com.kehu.crm.customer;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A customer as lists and the API show it. */
public record CustomerRow(
        long id,
        String code,
        String name,
        CustomerKind kind,
        CustomerStatus status,
        Importance importance,
        @Nullable String phone,
        @Nullable String email,
        @Nullable Industry industry,
        @Nullable Region region,
        @Nullable CustomerSource source,
        String ownerUsername,
        String ownerName,
        List<String> tags,
        boolean archived,
        long version,
        Instant createdAt,
        Instant updatedAt) {}
