package com.kehu.crm.activity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks another module creates for customers' owners (a campaign's post-show follow-ups): no user is working the
 * customer, so the record rules of {@link ActivityService} do not apply; the caller decides who gets which task and
 * keeps them idempotent. Runs in the caller's transaction.
 */
@Component
@RequiredArgsConstructor
public class FollowUpTasks {

    private final ActivityRepository activities;

    /** A task on a customer for its owner, due at {@code dueAt}. */
    public record FollowUpTask(
            long customerId,
            long ownerId,
            String subject,
            @Nullable String details,
            Instant dueAt) {}

    /** Creates the tasks; returns their ids in the order given. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> create(List<FollowUpTask> tasks) {
        List<Activity> created = new ArrayList<>(tasks.size());
        for (FollowUpTask t : tasks) {
            created.add(new Activity(
                    t.customerId(),
                    null,
                    new ActivityData(ActivityType.TASK, t.subject(), t.details(), t.dueAt(), null, null, null, null),
                    t.ownerId()));
        }
        return activities.saveAll(created).stream()
                .map(a -> Objects.requireNonNull(a.getId()))
                .toList();
    }
}
