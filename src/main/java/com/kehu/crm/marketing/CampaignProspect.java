package com.kehu.crm.marketing;

import org.jspecify.annotations.Nullable;

/** A walk-in prospect's details (an exhibition visitor, say), as typed in at the event. */
public record CampaignProspect(
        String name,
        @Nullable String company,
        @Nullable String phone,
        @Nullable String email) {}
