package com.kehu.crm.marketing;

import org.jspecify.annotations.Nullable;

/**
 * What a marketer sees of a customer, contact or lead when adding members: enough to pick the right one, nothing of
 * the customer's file.
 */
public record CampaignLookup(
        long id,
        String name,
        @Nullable String detail,
        @Nullable String region) {}
