package com.kehu.crm.marketing;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One campaign with everything its page shows in the summary, and what the user may do with it. */
public record CampaignDetails(
        CampaignRow row,
        @Nullable String objective,
        int attributionDays,
        @Nullable ShowKind showKind,
        @Nullable String showOrganiser,
        @Nullable String showVenue,
        @Nullable String showBooth,
        long createdBy,
        long version,
        boolean changeable,
        Map<CampaignMemberStatus, Long> memberCounts) {

    public long id() {
        return row.id();
    }

    public boolean exhibition() {
        return row.type().isExhibition();
    }
}
