package com.kehu.crm.shared.timeline;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A module's events for the customer 360 timeline. The customer module merges all contributors without depending on
 * them: each returns its newest entries strictly before {@code before} (everything when null), newest first, at most
 * {@code limit}, from an indexed query on (customer, time). The caller has already checked that the user may read the
 * customer.
 */
public interface TimelineContributor {

    List<TimelineEntry> entries(long customerId, @Nullable Instant before, int limit);
}
