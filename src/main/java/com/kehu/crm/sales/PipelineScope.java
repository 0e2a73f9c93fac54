package com.kehu.crm.sales;

/** Whose deals a board or forecast covers: the user's own, their team's (managers), or everyone's (admins). */
public enum PipelineScope {
    MINE,
    TEAM,
    ALL
}
