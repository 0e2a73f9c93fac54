package com.kehu.crm.marketing;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Segment settings ({@code crm.marketing.segments.*}).
 *
 * @param winBackFactor a repeat buyer is lapsed when the days since the last purchase exceed this many times their
 *     median interval between purchase days
 * @param singlePurchaseLapseDays a customer who bought on one day only is lapsed this many days later
 * @param reorderMinPurchaseDays "due to reorder" needs at least this many purchase days (one interval is a guess)
 * @param snapshotBatchIds adding a segment to a campaign walks the customer ids in ranges this wide, one transaction
 *     each
 * @param snapshotWait how long the request that starts a snapshot waits for it to finish before answering with its
 *     progress instead
 */
@ConfigurationProperties("crm.marketing.segments")
public record SegmentProperties(
        @DefaultValue("2.0") BigDecimal winBackFactor,
        @DefaultValue("365") int singlePurchaseLapseDays,
        @DefaultValue("2") int reorderMinPurchaseDays,
        @DefaultValue("20000") int snapshotBatchIds,
        @DefaultValue("2s") Duration snapshotWait) {}
