package com.kehu.crm.activity;

import com.kehu.crm.notification.NotificationService;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every minute, due task reminders become in-app notifications. Claiming the reminders is one UPDATE … RETURNING
 * over rows locked with SKIP LOCKED, so two instances running the job at once never send the same reminder; the
 * notification's dedup key guards against a repeat as well.
 */
@Component
@RequiredArgsConstructor
public class TaskReminders {

    private static final Logger log = LoggerFactory.getLogger(TaskReminders.class);
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final NotificationService notifications;
    private final Clock clock;

    private record Due(
            long id, long ownerId, String subject, @Nullable Long customerId) {}

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    @Transactional
    public int sendDueReminders() {
        List<Due> due = jdbc.sql("""
                        update activity a set reminded_at = :now
                        where a.id in (select id from activity
                                       where remind_at <= :now and reminded_at is null and not done
                                       order by remind_at limit :batch
                                       for update skip locked)
                        returning a.id, a.owner_id, a.subject, a.customer_id""")
                .param("now", Timestamp.from(clock.instant()))
                .param("batch", BATCH)
                .query((rs, n) -> new Due(
                        rs.getLong("id"),
                        rs.getLong("owner_id"),
                        rs.getString("subject"),
                        rs.getObject("customer_id", Long.class)))
                .list();
        for (Due d : due) {
            notifications.notify(
                    d.ownerId(),
                    "task-reminder",
                    "task.reminder.notification",
                    List.of(d.subject()),
                    "/activities/" + d.id(),
                    "task-reminder:" + d.id());
        }
        if (!due.isEmpty()) {
            log.info("Sent {} task reminders", due.size());
        }
        return due.size();
    }
}
