package com.kehu.crm.marketing;

/** The exhibition contact plan's phases: before (展前), during (展中) and after the show (展后). */
public enum CampaignTaskPhase {
    PRE_SHOW,
    DURING_SHOW,
    POST_SHOW
}
