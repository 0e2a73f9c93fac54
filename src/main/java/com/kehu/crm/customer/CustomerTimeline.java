package com.kehu.crm.customer;

import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.shared.timeline.TimelineContributor;
import com.kehu.crm.shared.timeline.TimelineEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer 360 timeline: every module's {@link TimelineContributor} asked for its newest entries before the
 * cursor, merged newest first. The customer module knows only the shared interface, not the modules behind it.
 */
@Service
@Transactional(readOnly = true)
public class CustomerTimeline {

    public static final int MAX_LIMIT = 100;

    private final List<TimelineContributor> contributors;
    private final CustomerQueries customers;

    public CustomerTimeline(List<TimelineContributor> contributors, CustomerQueries customers) {
        this.contributors = List.copyOf(contributors);
        this.customers = customers;
    }

    /** One page of the timeline and the cursor of the next (null on the last page). */
    public record Page(
            List<TimelineEntry> entries, @Nullable Instant nextBefore) {}

    public Page page(long customerId, @Nullable Instant before, int limit, CurrentUser user) {
        if (customers.accessTo(customerId, user) == CustomerAccessLevel.NONE) {
            throw CustomerNotFoundException.forId(customerId);
        }
        return merge(contributors, customerId, before, limit);
    }

    /**
     * Each contributor returns at most {@code limit} entries strictly before the cursor, so the newest
     * {@code limit} of their union are the page. Entries sharing the last entry's instant beyond the page are the
     * one thing a time cursor cannot resume exactly; timestamps carry microseconds, so that is rare.
     */
    static Page merge(List<TimelineContributor> contributors, long customerId, @Nullable Instant before, int limit) {
        int safeLimit = Math.min(Math.max(limit, 1), MAX_LIMIT);
        List<TimelineEntry> all = new ArrayList<>();
        for (TimelineContributor contributor : contributors) {
            all.addAll(contributor.entries(customerId, before, safeLimit));
        }
        all.sort(Comparator.comparing(TimelineEntry::at).reversed());
        boolean more = all.size() > safeLimit;
        List<TimelineEntry> page = List.copyOf(all.subList(0, Math.min(safeLimit, all.size())));
        Instant next =
                more || page.size() == safeLimit ? page.get(page.size() - 1).at() : null;
        return new Page(page, next);
    }
}
