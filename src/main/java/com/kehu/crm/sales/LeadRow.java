package com.kehu.crm.sales;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A lead as the lists, the detail page and the API show it. {@code ownerId} null: in the public pool. */
public record LeadRow(
        long id,
        @Nullable String companyName,
        String contactName,
        @Nullable String contactTitle,
        @Nullable String phone,
        @Nullable String email,
        LeadSource source,
        @Nullable ProspectList prospectList,
        LeadStatus status,
        @Nullable Long ownerId,
        @Nullable String ownerName,
        @Nullable Instant claimedAt,
        @Nullable Instant lastFollowUpAt,
        @Nullable Boolean willingToBuy,
        @Nullable Boolean ableToPay,
        @Nullable Boolean hasAuthority,
        @Nullable String disqualifyReason,
        @Nullable String confirmedByName,
        @Nullable Instant confirmedAt,
        @Nullable Long convertedCustomerId,
        @Nullable Long convertedContactId,
        @Nullable Long convertedOpportunityId,
        @Nullable String notes,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public boolean inPool() {
        return ownerId == null;
    }

    /** The name a customer made from this lead gets: the company, or the person for an individual. */
    public String displayName() {
        return companyName == null ? contactName : companyName;
    }

    public LeadData toData() {
        return new LeadData(companyName, contactName, contactTitle, phone, email, source, prospectList, notes);
    }
}
