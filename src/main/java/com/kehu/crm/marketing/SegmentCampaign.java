package com.kehu.crm.marketing;

/** A campaign a segment can be added to (planned or active). */
public record SegmentCampaign(long id, String name, String status) {}
