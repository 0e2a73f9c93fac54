package com.kehu.crm.survey.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode only: on the first start with tickets and orders but no survey answers, answers for every second resolved
 * ticket and every eighth completed order of the last 12 months, with a rating per active attribute, so satisfaction,
 * NPS and the loyalty matrix have something to show. Mostly satisfied, some not, as real answers go. Deterministic:
 * derived from the ticket and order ids. Runs after the orders (35) and tickets (40), before the start-up analytics
 * refresh (on ApplicationReadyEvent).
 */
@Component
@Order(45)
@ConditionalOnBooleanProperty("crm.demo.enabled")
@ConditionalOnBooleanProperty(name = "crm.demo.support", matchIfMissing = true)
class DemoSurveySeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSurveySeeder.class);

    private final JdbcClient jdbc;

    DemoSurveySeeder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        boolean needed = jdbc.sql("select exists (select 1 from ticket) and not exists (select 1 from survey_response)")
                .query(Boolean.class)
                .single();
        if (!needed) {
            return;
        }
        // h: a stable pseudo-random number per subject; overall skewed towards satisfied, the rest follows from it
        String answers = """
                insert into survey_response (id, customer_id, ticket_id, order_id, channel, overall, expectation,
                                             performance, repurchase_intent, recommend, created_at, updated_at)
                select nextval('survey_response_seq'), s.customer_id, s.ticket_id, s.order_id, 'LINK', s.overall,
                       (array[4, 3, 4, 5, 3])[s.h / 10 %% 5 + 1],
                       greatest(1, least(5, s.overall + (s.h / 50 %% 3) - 1)),
                       case when s.overall >= 4 then 4 + s.h / 7 %% 2 else 2 + s.h / 7 %% 2 end,
                       case s.overall when 5 then 9 + s.h / 3 %% 2 when 4 then 7 + s.h / 3 %% 3
                                      when 3 then 5 + s.h / 3 %% 3 else s.h / 3 %% 5 end,
                       s.answered_at, s.answered_at
                from (select x.*, (array[5, 5, 4, 4, 4, 3, 5, 2, 4, 1])[x.h %% 10 + 1] as overall
                      from (%s) x) s""";
        int tickets = jdbc.sql(answers.formatted("""
                        select t.customer_id, t.id as ticket_id, null::bigint as order_id,
                               abs(hashtext('t' || t.id)) as h, coalesce(t.resolved_at, t.created_at) + interval '1 day'
                                   as answered_at
                        from ticket t
                        where t.resolved_at is not null and abs(hashtext('s' || t.id)) % 2 = 0""")).update();
        int orders = jdbc.sql(answers.formatted("""
                        select o.customer_id, null::bigint as ticket_id, o.id as order_id,
                               abs(hashtext('o' || o.id)) as h, o.order_date + interval '3 days' as answered_at
                        from sales_order o
                        where o.status = 'COMPLETED' and o.order_date > current_date - 365
                          and o.order_date + 3 <= current_date and abs(hashtext('s' || o.id)) % 8 = 0""")).update();
        jdbc.sql("""
                        insert into survey_rating (response_id, attribute_code, score)
                        select r.id, a.code, greatest(1, least(5, r.overall + abs(hashtext(r.id || a.code)) % 3 - 1))
                        from survey_response r cross join survey_attribute a
                        where a.active""").update();
        log.info("Demo survey answers: {} about tickets, {} about orders", tickets, orders);
    }
}
