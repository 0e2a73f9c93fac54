package com.kehu.crm.activity;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates tasks on behalf of the system, many at a time, for background jobs of other modules (customer care).
 * A JDBC batch instead of JPA: a job may create tens of thousands. Ids are raw {@code nextval('activity_seq')}
 * values; Hibernate's pooled optimizer hands out the 49 ids below each value it fetches, so a raw value is never
 * one of them. The owner is also recorded as the creator: the task is theirs, no person wrote it.
 */
@Component
@RequiredArgsConstructor
public class SystemTasks {

    private static final String INSERT = """
            insert into activity (id, type, subject, details, occurred_at, customer_id, contact_id, owner_id,
                                  created_by, done, created_at, updated_at)
            values (?, 'TASK', ?, ?, ?, ?, ?, ?, ?, false, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    /** Inserts the tasks in the caller's transaction and returns their ids, in the order given. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> create(List<NewSystemTask> tasks) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        List<Long> ids = jdbc.queryForList(
                "select nextval('activity_seq') from generate_series(1, ?)", Long.class, tasks.size());
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = new ArrayList<>(tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            NewSystemTask t = tasks.get(i);
            rows.add(new Object[] {
                ids.get(i),
                t.subject(),
                t.details(),
                Timestamp.from(t.dueAt()),
                t.customerId(),
                t.contactId(),
                t.ownerId(),
                t.ownerId(),
                now,
                now
            });
        }
        jdbc.batchUpdate(INSERT, rows);
        return ids;
    }
}
