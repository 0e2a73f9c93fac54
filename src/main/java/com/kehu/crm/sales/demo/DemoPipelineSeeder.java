package com.kehu.crm.sales.demo;

import lombok.RequiredArgsConstructor;
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
 * Demo mode only: on the first start with customers but no deals, gives every fifth customer a deal of its owner's,
 * spread over the stages (closed ones closed lately, open ones closing in the next months) with their stage history,
 * so the board and the forecast have something to show. Deterministic: derived from the customer ids.
 */
@Component
@Order(30)
@ConditionalOnBooleanProperty("crm.demo.enabled")
@ConditionalOnBooleanProperty(name = "crm.demo.pipeline", matchIfMissing = true)
@RequiredArgsConstructor
class DemoPipelineSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPipelineSeeder.class);

    private final JdbcClient jdbc;

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        boolean needed = jdbc.sql("""
                        select exists (select 1 from customer) and not exists (select 1 from opportunity)""").query(Boolean.class).single();
        if (!needed) {
            return;
        }
        int deals = jdbc.sql("""
                        insert into opportunity (id, customer_id, name, amount, currency, expected_close_date, type,
                            owner_id, stage, probability, next_step, loss_reason, closed_on, stage_changed_at,
                            created_at, updated_at)
                        select nextval('opportunity_seq'), d.customer_id, d.name, d.amount, 'CNY',
                               case when d.stage in ('WON', 'LOST') then current_date - d.h % 60
                                    else current_date + d.h % 150 - 20 end,
                               (array['NEW_BUSINESS', 'UP_SELL', 'CROSS_SELL'])[1 + d.h % 3],
                               d.owner_id, d.stage,
                               case d.stage when 'PROSPECTING' then 10 when 'QUALIFICATION' then 25
                                            when 'PROPOSAL' then 50 when 'NEGOTIATION' then 75
                                            when 'WON' then 100 else 0 end,
                               case when d.stage in ('PROPOSAL', 'NEGOTIATION') then '约客户确认报价' end,
                               case when d.stage = 'LOST' then '价格高于竞争对手' end,
                               case when d.stage in ('WON', 'LOST') then current_date - d.h % 60 end,
                               now() - make_interval(days => d.h % 30), now() - make_interval(days => 30 + d.h % 90),
                               now()
                        from (select c.id as customer_id, c.owner_id, abs(hashtext(c.id::text)) as h,
                                     c.name || ' · ' || (array['年度采购', '设备升级', '服务续约', '新项目', '扩容'])
                                         [1 + abs(hashtext(c.code)) % 5] as name,
                                     (array['PROSPECTING', 'PROSPECTING', 'QUALIFICATION', 'QUALIFICATION', 'PROPOSAL',
                                            'NEGOTIATION', 'WON', 'WON', 'LOST'])[1 + abs(hashtext(c.id::text)) % 9] as stage,
                                     round((5000 + abs(hashtext(c.name)) % 495000)::numeric, -2) as amount
                              from customer c where c.id % 5 = 0 and not c.archived) d""").update();
        jdbc.sql("""
                        insert into opportunity_stage_change (id, opportunity_id, from_stage, to_stage, changed_by, changed_at)
                        select nextval('opportunity_stage_change_seq'), o.id, null, 'PROSPECTING', o.owner_id, o.created_at
                        from opportunity o""").update();
        jdbc.sql("""
                        insert into opportunity_stage_change (id, opportunity_id, from_stage, to_stage, changed_by, changed_at)
                        select nextval('opportunity_stage_change_seq'), o.id, 'PROSPECTING', o.stage, o.owner_id,
                               o.stage_changed_at
                        from opportunity o where o.stage <> 'PROSPECTING'""").update();
        log.info("Generated {} demo opportunities", deals);
    }
}
