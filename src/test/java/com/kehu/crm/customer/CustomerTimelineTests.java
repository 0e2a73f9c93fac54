package com.kehu.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.kehu.crm.shared.timeline.TimelineContributor;
import com.kehu.crm.shared.timeline.TimelineEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.DefaultMessageSourceResolvable;

class CustomerTimelineTests {

    static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    /** A contributor that behaves as the interface says: newest first, strictly before the cursor, at most limit. */
    record Fake(String kind, List<Integer> minutes) implements TimelineContributor {
        @Override
        public List<TimelineEntry> entries(long customerId, @Nullable Instant before, int limit) {
            return minutes.stream()
                    .map(m -> T0.plusSeconds(60L * m))
                    .filter(at -> before == null || at.isBefore(before))
                    .sorted(Comparator.reverseOrder())
                    .limit(limit)
                    .map(at -> new TimelineEntry(at, kind, new DefaultMessageSourceResolvable(kind), null, null, null))
                    .toList();
        }
    }

    @Test
    void mergesContributorsNewestFirstAndKeepsTheLimit() {
        var page = CustomerTimeline.merge(
                List.of(new Fake("activity", List.of(1, 4, 6, 9)), new Fake("status", List.of(2, 5, 8))), 7, null, 4);

        assertThat(page.entries()).extracting(TimelineEntry::at).containsExactly(at(9), at(8), at(6), at(5));
        assertThat(page.entries())
                .extracting(TimelineEntry::kind)
                .containsExactly("activity", "status", "activity", "status");
        assertThat(page.nextBefore()).isEqualTo(at(5));
    }

    @Test
    void pagesWithTheCursorWithoutDuplicatesOrGaps() {
        List<TimelineContributor> contributors = List.of(
                new Fake("activity", List.of(1, 3, 4, 7, 10, 11)),
                new Fake("status", List.of(2, 6)),
                new Fake("order", List.of(5, 8, 9)));
        List<Instant> seen = new ArrayList<>();
        Instant before = null;
        int pages = 0;
        do {
            var page = CustomerTimeline.merge(contributors, 7, before, 3);
            page.entries().forEach(e -> seen.add(e.at()));
            before = page.nextBefore();
            pages++;
        } while (before != null && pages < 10);

        assertThat(seen).doesNotHaveDuplicates().hasSize(11).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(pages).isEqualTo(4);
    }

    @Test
    void aShortPageIsTheLast() {
        var page = CustomerTimeline.merge(List.of(new Fake("activity", List.of(1, 2))), 7, null, 20);

        assertThat(page.entries()).hasSize(2);
        assertThat(page.nextBefore()).isNull();
    }

    private static Instant at(int minute) {
        return T0.plusSeconds(60L * minute);
    }
}
