package com.kehu.crm.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.kehu.crm.customer.Importance;
import com.kehu.crm.shared.time.BusinessCalendar;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlaTargetsTests {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC);

    /** The defaults seeded by V14. */
    static SlaTargets defaults() {
        int[][] minutes = {
            {15, 120}, {30, 240}, {60, 480}, // URGENT: VIP, IMPORTANT, ORDINARY
            {60, 480}, {120, 720}, {240, 1440}, // HIGH
            {120, 1440}, {240, 2880}, {480, 4320}, // NORMAL
            {480, 2880}, {720, 5760}, {1440, 10080} // LOW
        };
        TicketPriority[] priorities = {
            TicketPriority.URGENT, TicketPriority.HIGH, TicketPriority.NORMAL, TicketPriority.LOW
        };
        Importance[] tiers = {Importance.VIP, Importance.IMPORTANT, Importance.ORDINARY};
        Map<SlaTargets.Key, SlaTargets.Target> map = new HashMap<>();
        for (int p = 0; p < 4; p++) {
            for (int t = 0; t < 3; t++) {
                int[] m = minutes[p * 3 + t];
                map.put(new SlaTargets.Key(priorities[p], tiers[t]), new SlaTargets.Target(m[0], m[1]));
            }
        }
        return new SlaTargets(map);
    }

    @Test
    void computesDueTimesPerPriorityAndTier() {
        Instant now = new BusinessCalendar(CLOCK, "Asia/Shanghai").now();
        SlaTargets sla = defaults();

        SlaTargets.Due vipUrgent = sla.dueFrom(now, TicketPriority.URGENT, Importance.VIP);
        assertThat(vipUrgent.firstResponseDueAt()).isEqualTo(Instant.parse("2026-11-23T02:15:00Z"));
        assertThat(vipUrgent.resolutionDueAt()).isEqualTo(Instant.parse("2026-11-23T04:00:00Z"));

        SlaTargets.Due ordinaryNormal = sla.dueFrom(now, TicketPriority.NORMAL, Importance.ORDINARY);
        assertThat(ordinaryNormal.firstResponseDueAt()).isEqualTo(now.plus(Duration.ofHours(8)));
        assertThat(ordinaryNormal.resolutionDueAt()).isEqualTo(now.plus(Duration.ofDays(3)));

        SlaTargets.Due ordinaryLow = sla.dueFrom(now, TicketPriority.LOW, Importance.ORDINARY);
        assertThat(ordinaryLow.resolutionDueAt()).isEqualTo(now.plus(Duration.ofDays(7)));
    }

    @Test
    void higherTiersAndPrioritiesAreNeverLooser() {
        SlaTargets sla = defaults();
        for (TicketPriority priority : TicketPriority.values()) {
            assertThat(sla.of(priority, Importance.VIP).resolutionMinutes())
                    .isLessThanOrEqualTo(sla.of(priority, Importance.IMPORTANT).resolutionMinutes());
            assertThat(sla.of(priority, Importance.IMPORTANT).resolutionMinutes())
                    .isLessThanOrEqualTo(sla.of(priority, Importance.ORDINARY).resolutionMinutes());
        }
        for (Importance tier : Importance.values()) {
            assertThat(sla.of(TicketPriority.URGENT, tier).firstResponseMinutes())
                    .isLessThan(sla.of(TicketPriority.LOW, tier).firstResponseMinutes());
        }
    }
}
