package com.kehu.crm.customer.api;

import com.kehu.crm.customer.CustomerDetails;
import com.kehu.crm.customer.CustomerKind;
import com.kehu.crm.customer.CustomerRow;
import com.kehu.crm.customer.CustomerSource;
import com.kehu.crm.customer.CustomerStatus;
import com.kehu.crm.customer.Importance;
import com.kehu.crm.customer.Industry;
import com.kehu.crm.customer.Region;
import com.kehu.crm.customer.RelationCategory;
import com.kehu.crm.customer.RetentionFlag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A customer in the API. {@code profile}, {@code address} and {@code retentionFlag} are only filled for single-customer
 * reads.
 */
public record CustomerJson(
        long id,
        String code,
        String name,
        CustomerKind kind,
        CustomerStatus status,
        String owner,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String address,
        @Nullable Industry industry,
        @Nullable Region region,
        @Nullable CustomerSource source,
        @Nullable RelationCategory relationCategory,
        Importance importance,
        List<String> tags,
        @Nullable Map<String, String> profile,
        boolean archived,
        @Nullable RetentionFlag retentionFlag,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static CustomerJson of(CustomerRow r) {
        return new CustomerJson(
                r.id(),
                r.code(),
                r.name(),
                r.kind(),
                r.status(),
                r.ownerUsername(),
                r.phone(),
                r.email(),
                null,
                r.industry(),
                r.region(),
                r.source(),
                null,
                r.importance(),
                r.tags(),
                null,
                r.archived(),
                null,
                r.version(),
                r.createdAt(),
                r.updatedAt());
    }

    static CustomerJson of(CustomerDetails d) {
        return new CustomerJson(
                d.id(),
                d.code(),
                d.name(),
                d.kind(),
                d.status(),
                d.ownerUsername(),
                d.phone(),
                d.email(),
                d.address(),
                d.industry(),
                d.region(),
                d.source(),
                d.relationCategory(),
                d.importance(),
                d.tags(),
                d.profile(),
                d.archived(),
                d.retentionFlag(),
                d.version(),
                d.createdAt(),
                d.updatedAt());
    }
}
