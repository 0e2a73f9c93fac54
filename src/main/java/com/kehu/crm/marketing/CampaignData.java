package com.kehu.crm.marketing;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The editable facts of a campaign, as the form and the API send them. Show fields apply to exhibitions only. */
public record CampaignData(
        String name,
        CampaignType type,
        @Nullable String objective,
        long ownerId,
        LocalDate startOn,
        LocalDate endOn,
        BigDecimal budget,
        @Nullable Integer attributionDays,
        @Nullable ShowKind showKind,
        @Nullable String showOrganiser,
        @Nullable String showVenue,
        @Nullable String showBooth) {}
