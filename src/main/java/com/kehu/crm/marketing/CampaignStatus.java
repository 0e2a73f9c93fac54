package com.kehu.crm.marketing;

import java.util.EnumSet;
import java.util.Set;

/** PLANNED → ACTIVE → COMPLETED; PLANNED or ACTIVE may be CANCELLED. Completed and cancelled are final. */
public enum CampaignStatus {
    PLANNED,
    ACTIVE,
    COMPLETED,
    CANCELLED;

    public Set<CampaignStatus> next() {
        return switch (this) {
            case PLANNED -> EnumSet.of(ACTIVE, CANCELLED);
            case ACTIVE -> EnumSet.of(COMPLETED, CANCELLED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(CampaignStatus.class);
        };
    }

    public boolean canMoveTo(CampaignStatus target) {
        return next().contains(target);
    }

    public boolean isClosed() {
        return this == COMPLETED || this == CANCELLED;
    }
}
