package com.kehu.crm.marketing;

import com.kehu.crm.customer.CustomerKind;
import com.kehu.crm.customer.CustomerSource;
import com.kehu.crm.customer.CustomerStatus;
import com.kehu.crm.customer.Importance;
import com.kehu.crm.customer.Industry;
import com.kehu.crm.customer.Region;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A customer in a segment or target list: the marketing fields only. Address, profile, amounts and everything else
 * in the customer record stay out of segments, on screen, in the API and in exports.
 */
public record SegmentCustomer(
        long id,
        String code,
        String name,
        CustomerKind kind,
        @Nullable Industry industry,
        @Nullable Region region,
        @Nullable CustomerSource source,
        CustomerStatus status,
        Importance importance,
        List<String> tags,
        @Nullable String phone,
        @Nullable String email,
        String ownerName) {}
