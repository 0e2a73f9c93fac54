package com.kehu.crm.marketing;

import com.kehu.crm.activity.NewSystemTask;
import com.kehu.crm.activity.SystemTasks;
import com.kehu.crm.shared.time.BusinessCalendar;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.LongConsumer;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns the due care occasions into tasks for the customers' owners. Walks the customers in id order, a batch per
 * transaction: the due (item, customer[, contact], occasion) tuples of a batch are found in one statement, logged in
 * {@code care_task} with {@code on conflict do nothing returning}, and one TASK activity is created per new log row.
 * The log's unique key makes a run idempotent: a second run on the same day, or a second instance running at the
 * same moment (its insert waits for the first's rows and then skips them), creates nothing new.
 *
 * <p>An occasion is due when it lies between today and today + the item's lead days. Birthdays, holidays and gifts
 * are looked up in this year and the next (a lead time may cross New Year). A periodic item's next occasion is the
 * last one + N days (today if that has passed, so missed runs do not pile up). A customer who has none yet gets a
 * first occasion chosen by their id, {@code (day number + id) mod N = 0}: the first visits of 10,000 VIPs spread over
 * the N days instead of all landing on the day the item is switched on, and the date is stable from run to run.
 *
 * <p>Eligible customers: importance = the item's tier, not archived, not LOST, no retention flag (bad credit or
 * fraud: not worth retaining, CATALOG 1.1), and an owner whose account is enabled.
 */
@Component
@RequiredArgsConstructor
public class CareJob {

    /** The due tuples of the customers with ids in (:after, :upto]. Every value is a bound parameter. */
    private static final String LOG_DUE = """
            with eligible as (
                select c.id, c.kind, c.owner_id, c.importance, c.profile
                from customer c join app_user u on u.id = c.owner_id
                where c.id > :after and c.id <= :upto and (:all or c.id = any(:ids))
                  and not c.archived and c.status <> 'LOST' and c.retention_flag is null and u.enabled
            ), items as (
                select id, tier, kind, occasion_month, occasion_day, interval_days, lead_days
                from care_item where active
            ), years as (
                select y from (values (:year), (:year + 1)) v(y)
            ), due as (
                select i.id as item_id, e.id as customer_id, null::bigint as contact_id, e.owner_id, i.lead_days,
                       case when e.profile ->> 'basic.birthday'
                                 ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'
                            then care_occasion(y.y, substr(e.profile ->> 'basic.birthday', 6, 2)::integer,
                                               substr(e.profile ->> 'basic.birthday', 9, 2)::integer)
                       end as occasion_on
                from eligible e join items i on i.tier = e.importance and i.kind = 'BIRTHDAY_GREETING'
                cross join years y
                where e.kind = 'INDIVIDUAL'
                union all
                select i.id, e.id, ct.id, e.owner_id, i.lead_days,
                       care_occasion(y.y, extract(month from ct.birthday)::integer,
                                     extract(day from ct.birthday)::integer)
                from eligible e join items i on i.tier = e.importance and i.kind = 'BIRTHDAY_GREETING'
                join contact ct on ct.customer_id = e.id and ct.birthday is not null and not ct.do_not_contact
                cross join years y
                where e.kind = 'ENTERPRISE'
                union all
                select i.id, e.id, null, e.owner_id, i.lead_days, care_occasion(y.y, i.occasion_month, i.occasion_day)
                from eligible e join items i on i.tier = e.importance and i.occasion_month is not null
                cross join years y
                union all
                select i.id, e.id, null, e.owner_id, i.lead_days,
                       care_occasion(y.y, extract(month from p.first_order_on)::integer,
                                     extract(day from p.first_order_on)::integer)
                from eligible e join items i on i.tier = e.importance and i.kind = 'GIFT' and i.occasion_month is null
                join customer_purchase p on p.customer_id = e.id
                cross join years y
                where y.y > extract(year from p.first_order_on)
                union all
                select i.id, e.id, null, e.owner_id, i.lead_days,
                       case when l.last_on is null
                            then :today + ((i.interval_days - ((:today - date '2000-01-01') + e.id) % i.interval_days)
                                           % i.interval_days)::integer
                            else greatest(l.last_on + i.interval_days, :today)
                       end
                from eligible e join items i on i.tier = e.importance and i.interval_days is not null
                left join lateral (select max(t.occasion_on) as last_on from care_task t
                                   where t.item_id = i.id and t.customer_id = e.id) l on true
            ), inserted as (
                insert into care_task (id, item_id, customer_id, contact_id, occasion_on, owner_id, created_at)
                select nextval('care_task_seq'), d.item_id, d.customer_id, d.contact_id, d.occasion_on, d.owner_id, :now
                from due d
                where d.occasion_on between :today and :today + d.lead_days
                -- one order for every instance: concurrent runs then wait on the same first row instead of deadlocking
                order by d.customer_id, d.item_id, d.occasion_on, d.contact_id
                on conflict do nothing
                returning id, item_id, customer_id, contact_id, occasion_on, owner_id
            )
            select n.id, n.customer_id, n.contact_id, n.occasion_on, n.owner_id, i.kind, i.title, i.holiday_name,
                   i.interval_days, c.name as customer_name, ct.name as contact_name
            from inserted n join care_item i on i.id = n.item_id join customer c on c.id = n.customer_id
            left join contact ct on ct.id = n.contact_id
            order by n.id
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final SystemTasks tasks;
    private final BusinessCalendar calendar;
    private final CareProperties properties;
    private final MessageSource messages;

    /** The outcome of a run: how many customers were examined and how many care tasks were created. */
    public record Result(long customersExamined, int tasksCreated) {}

    private record Logged(
            long id,
            long customerId,
            @Nullable Long contactId,
            LocalDate occasionOn,
            long ownerId,
            CareKind kind,
            String title,
            @Nullable String holidayName,
            @Nullable Integer intervalDays,
            String customerName,
            @Nullable String contactName) {}

    /** How many customers a run for these customers (null: everybody) examines, for a progress bar. */
    public long customersToExamine(@Nullable Collection<Long> customerIds) {
        return customerIds == null
                ? jdbc.sql("select count(*) from customer").query(Long.class).single()
                : customerIds.size();
    }

    /**
     * Creates the care tasks due on {@code today} for the given customers (null: everybody); {@code progress} hears
     * the number of customers examined after each batch. Each batch is its own transaction.
     */
    public Result run(LocalDate today, @Nullable Collection<Long> customerIds, LongConsumer progress) {
        Long[] ids = customerIds == null ? new Long[0] : customerIds.toArray(Long[]::new);
        boolean all = customerIds == null;
        long after = 0;
        long examined = 0;
        int created = 0;
        while (true) {
            long from = after;
            Bound bound = jdbc.sql("""
                            select max(id) as upto, count(*) as n from (
                                select id from customer where id > :after and (:all or id = any(:ids))
                                order by id limit :batch) b""")
                    .param("after", from)
                    .param("all", all)
                    .param("ids", ids)
                    .param("batch", properties.batchSize())
                    .query((rs, n) -> new Bound(rs.getObject("upto", Long.class), rs.getLong("n")))
                    .single();
            if (bound.upto() == null) {
                break;
            }
            Integer made = tx.execute(s -> logAndCreate(today, from, bound.upto(), all, ids));
            created += made == null ? 0 : made;
            examined += bound.count();
            after = bound.upto();
            progress.accept(examined);
        }
        return new Result(examined, created);
    }

    private record Bound(@Nullable Long upto, long count) {}

    private int logAndCreate(LocalDate today, long after, long upto, boolean all, Long[] ids) {
        List<Logged> logged = jdbc.sql(LOG_DUE)
                .param("after", after)
                .param("upto", upto)
                .param("all", all)
                .param("ids", ids)
                .param("year", today.getYear())
                .param("today", today)
                .param("now", Timestamp.from(calendar.now()))
                .query((rs, n) -> new Logged(
                        rs.getLong("id"),
                        rs.getLong("customer_id"),
                        rs.getObject("contact_id", Long.class),
                        rs.getObject("occasion_on", LocalDate.class),
                        rs.getLong("owner_id"),
                        CareKind.valueOf(rs.getString("kind")),
                        rs.getString("title"),
                        rs.getString("holiday_name"),
                        rs.getObject("interval_days", Integer.class),
                        rs.getString("customer_name"),
                        rs.getString("contact_name")))
                .list();
        if (logged.isEmpty()) {
            return 0;
        }
        List<NewSystemTask> newTasks = new ArrayList<>(logged.size());
        for (Logged l : logged) {
            newTasks.add(new NewSystemTask(
                    l.ownerId(),
                    l.customerId(),
                    l.contactId(),
                    subject(l),
                    details(l),
                    l.occasionOn()
                            .atTime(properties.dueHour(), 0)
                            .atZone(calendar.zone())
                            .toInstant()));
        }
        List<Long> activityIds = tasks.create(newTasks);
        jdbc.sql("""
                        update care_task t set activity_id = v.activity_id
                        from unnest(:taskIds, :activityIds) as v(id, activity_id) where t.id = v.id""")
                .param("taskIds", logged.stream().map(Logged::id).toArray(Long[]::new))
                .param("activityIds", activityIds.toArray(Long[]::new))
                .update();
        return logged.size();
    }

    private static String subject(Logged l) {
        return l.contactName() == null
                ? l.title() + " · " + l.customerName()
                : l.title() + " · " + l.contactName() + "(" + l.customerName() + ")";
    }

    private String details(Logged l) {
        Object extra = l.kind() == CareKind.HOLIDAY_GREETING
                ? l.holidayName()
                : l.kind().periodic() ? l.intervalDays() : "";
        return messages.getMessage(
                "care.task.details." + l.kind().name(),
                new Object[] {l.occasionOn().toString(), extra == null ? "" : extra},
                properties.taskLocale());
    }
}
