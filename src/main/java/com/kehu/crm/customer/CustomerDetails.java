package com.kehu.crm.customer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Everything the customer 360 page and the edit form need, read in one transaction. */
public record CustomerDetails(
        long id,
        String code,
        CustomerKind kind,
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
        long ownerId,
        String ownerUsername,
        String ownerName,
        List<String> tags,
        Map<String, String> profile,
        boolean archived,
        @Nullable Instant archivedAt,
        long version,
        Instant createdAt,
        Instant updatedAt,
        boolean editable,
        List<StatusChange> statusHistory,
        PurchaseStage purchaseStage,
        @Nullable RetentionFlag retentionFlag) {

    public record StatusChange(
            @Nullable CustomerStatus from,
            CustomerStatus to,
            @Nullable String changedBy,
            Instant changedAt) {}

    public CustomerDetailsData toData() {
        return new CustomerDetailsData(
                name,
                phone,
                email,
                address,
                region,
                industry,
                source,
                relationCategory,
                importance,
                status,
                tags,
                profile);
    }
}
