package com.kehu.crm.analytics;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Step 1 of a refresh: one row of facts per live customer as of a day, aggregated in the database in one statement
 * (one pass over the completed orders, one over the service contacts, one over the survey answers), into an unlogged
 * work table the later steps read. The JVM never sees an order.
 */
@Component
class MetricsFacts {

    /** The columns of a facts table; the classification step reads exactly these. */
    static final String COLUMNS = """
            customer_id bigint not null primary key,
            owner_id bigint not null,
            team_id bigint,
            orders integer not null,
            purchase_days integer not null,
            first_purchase date,
            last_purchase date,
            revenue_total numeric(19,2) not null,
            margin_total numeric(19,2) not null,
            revenue_12m numeric(19,2) not null,
            margin_12m numeric(19,2) not null,
            purchase_days_12m integer not null,
            purchase_days_prev_12m integer not null,
            revenue_prev_6m numeric(19,2) not null,
            revenue_last_6m numeric(19,2) not null,
            first_day_amount numeric(19,2),
            tickets_12m integer not null,
            calls_12m integer not null,
            touches_12m integer not null,
            recommend smallint,
            repurchase_intent smallint""";

    private final JdbcClient jdbc;

    MetricsFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the (empty) facts table {@code table}, a name the caller builds from constants and ids only. */
    void create(String table) {
        jdbc.sql("create unlogged table " + table + " (" + COLUMNS + ")").update();
    }

    /** Fills {@code table} with the facts of every live customer as of {@code day}; returns how many. */
    int fill(String table, LocalDate day) {
        return jdbc.sql("insert into " + table + """

                        with marked as (
                            -- each completed order with whether it opens a new purchase day of its customer and the
                            -- customer's first purchase day: one sort by (customer, day), no second grouping level
                            select customer_id, order_date, total_amount as amount, margin,
                                   order_date is distinct from lag(order_date) over w as new_day,
                                   first_value(order_date) over w as first_day
                            from analytics_purchase_v
                            where order_date <= :day
                            window w as (partition by customer_id order by order_date)
                        ), bought as (
                            select customer_id,
                                   count(*)::integer as orders,
                                   count(*) filter (where new_day)::integer as purchase_days,
                                   min(order_date) as first_purchase,
                                   max(order_date) as last_purchase,
                                   sum(amount) as revenue_total,
                                   sum(margin) as margin_total,
                                   coalesce(sum(amount) filter (where order_date > :year_ago), 0) as revenue_12m,
                                   coalesce(sum(margin) filter (where order_date > :year_ago), 0) as margin_12m,
                                   count(*) filter (where new_day and order_date > :year_ago)::integer
                                       as purchase_days_12m,
                                   count(*) filter (where new_day and order_date > :two_years_ago
                                                      and order_date <= :year_ago)::integer as purchase_days_prev_12m,
                                   coalesce(sum(amount) filter (where order_date > :year_ago
                                                                  and order_date <= :half_year_ago), 0)
                                       as revenue_prev_6m,
                                   coalesce(sum(amount) filter (where order_date > :half_year_ago), 0)
                                       as revenue_last_6m,
                                   -- the amount of the earliest purchase day
                                   sum(amount) filter (where order_date = first_day) as first_day_amount
                            from marked
                            group by customer_id
                        ), served as (
                            select customer_id,
                                   count(*) filter (where kind = 'TICKET')::integer as tickets,
                                   count(*) filter (where kind = 'CALL')::integer as calls,
                                   count(*) filter (where kind = 'TOUCH')::integer as touches
                            from analytics_service_contact_v
                            where happened_on > :year_ago and happened_on <= :day
                            group by customer_id
                        ), surveyed as (
                            select distinct on (customer_id) customer_id, recommend, repurchase_intent
                            from analytics_survey_v
                            where created_at < :day_end
                            order by customer_id, created_at desc, id desc
                        )
                        select c.id, c.owner_id, c.team_id,
                               coalesce(b.orders, 0), coalesce(b.purchase_days, 0), b.first_purchase,
                               b.last_purchase, coalesce(b.revenue_total, 0), coalesce(b.margin_total, 0),
                               coalesce(b.revenue_12m, 0), coalesce(b.margin_12m, 0),
                               coalesce(b.purchase_days_12m, 0), coalesce(b.purchase_days_prev_12m, 0),
                               coalesce(b.revenue_prev_6m, 0),
                               coalesce(b.revenue_last_6m, 0), b.first_day_amount,
                               coalesce(s.tickets, 0), coalesce(s.calls, 0), coalesce(s.touches, 0),
                               v.recommend, v.repurchase_intent
                        from analytics_customer_v c
                        left join bought b on b.customer_id = c.id
                        left join served s on s.customer_id = c.id
                        left join surveyed v on v.customer_id = c.id""")
                .param("day", day)
                .param("day_end", day.plusDays(1).atStartOfDay())
                .param("year_ago", day.minusMonths(12))
                .param("two_years_ago", day.minusMonths(24))
                .param("half_year_ago", day.minusMonths(6))
                .update();
    }

    void drop(String table) {
        jdbc.sql("drop table if exists " + table).update();
    }
}
