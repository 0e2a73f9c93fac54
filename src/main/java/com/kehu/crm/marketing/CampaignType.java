package com.kehu.crm.marketing;

/** What kind of campaign (CATALOG 1.8): an exhibition (展会) also records its show and a contact plan. */
public enum CampaignType {
    ADVERTISING,
    EXHIBITION,
    EVENT,
    PROMOTION,
    EMAIL,
    PHONE,
    SOCIAL,
    CLUB;

    public boolean isExhibition() {
        return this == EXHIBITION;
    }
}
