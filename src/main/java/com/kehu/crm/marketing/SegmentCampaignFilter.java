package com.kehu.crm.marketing;

/**
 * How a segment uses an earlier campaign (the precision-marketing loop of CATALOG 4.9: the reaction to one wave
 * refines the next): its members, those who responded (responded, attended or converted), those who did not, or
 * everyone except its members.
 */
public enum SegmentCampaignFilter {
    MEMBERS,
    RESPONDED,
    NOT_RESPONDED,
    NOT_MEMBERS
}
