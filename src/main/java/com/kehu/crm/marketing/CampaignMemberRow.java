package com.kehu.crm.marketing;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A member as lists and target-list exports show it: name (the customer, contact, lead or prospect), company,
 * contact person, phone, e-mail and region, with the response dates.
 */
public record CampaignMemberRow(
        long id,
        CampaignMemberType memberType,
        String name,
        @Nullable String company,
        @Nullable String contactPerson,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String region,
        CampaignMemberStatus status,
        @Nullable LocalDate sentOn,
        @Nullable LocalDate respondedOn,
        @Nullable LocalDate attendedOn,
        @Nullable LocalDate convertedOn,
        @Nullable Long customerId,
        @Nullable Long leadId,
        @Nullable Long convertedLeadId) {

    public boolean convertible() {
        return memberType == CampaignMemberType.PROSPECT && convertedLeadId == null;
    }
}
