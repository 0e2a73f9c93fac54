package com.kehu.crm.sales;

/** The lead lists: the public pool (公海), my leads (私海), my team's, and those awaiting a manager's confirmation. */
public enum LeadView {
    POOL,
    MINE,
    TEAM,
    AWAITING_CONFIRMATION
}
