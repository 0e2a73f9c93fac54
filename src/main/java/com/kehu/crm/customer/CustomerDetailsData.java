package com.kehu.crm.customer;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The editable fields of a customer, as a command payload (forms and the API map into it). */
public record CustomerDetailsData(
        String name,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String address,
        @Nullable Region region,
        @Nullable Industry industry,
        @Nullable CustomerSource source,
        RelationCategory relationCategory,
        Importance importance,
        CustomerStatus status,
        List<String> tags,
        Map<String, String> profile) {}
