package com.kehu.crm.marketing;

import org.jspecify.annotations.Nullable;

/** The campaign list's filters; {@code q} is a prefix of the name. */
public record CampaignFilter(
        @Nullable CampaignStatus status,
        @Nullable CampaignType type,
        @Nullable String q) {}
