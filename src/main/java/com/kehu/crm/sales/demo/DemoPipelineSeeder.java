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
        int leads = jdbc.sql("""
                        insert into lead (id, company_name, contact_name, contact_title, phone, phone_digits, email,
                            source, prospect_list, status, owner_id, claimed_at, last_follow_up_at, created_at, updated_at)
                        select nextval('lead_seq'),
                               (array['华东', '北方', '西南', '粤海', '长江', '星河', '远航', '瑞丰'])[1 + g % 8]
                                   || (array['精密机械', '食品', '物流', '软件', '医疗器械', '建材'])[1 + g % 6] || '有限公司',
                               (array['王', '李', '张', '刘', '陈', '杨', '赵', '黄'])[1 + g % 8]
                                   || (array['经理', '总', '工', '主任'])[1 + g % 4],
                               (array['采购经理', '总经理', '技术总监', '行政主管'])[1 + g % 4],
                               '139 ' || lpad((g * 7919 % 10000)::text, 4, '0') || ' ' || lpad(g::text, 4, '0'),
                               '139' || lpad((g * 7919 % 10000)::text, 4, '0') || lpad(g::text, 4, '0'),
                               'lead' || g || '@example.cn',
                               (array['REFERRAL', 'DIRECTORY', 'PARTNER_LIST', 'ADVERTISING_REPLY', 'CAMPAIGN',
                                      'EXHIBITION', 'WEB_FORM', 'PHONE'])[1 + g % 8],
                               case when g % 4 = 0 then (array['LOST_CUSTOMERS', 'COMPETITOR_CUSTOMERS', 'PERIODICALS'])[1 + g % 3] end,
                               case when g % 3 = 0 then 'WORKING' else 'NEW' end,
                               o.id,
                               case when o.id is not null then now() - make_interval(days => g % 25) end,
                               case when o.id is not null and g % 3 = 0 then now() - make_interval(days => g % 20) end,
                               now() - make_interval(days => g % 40), now()
                        from generate_series(1, 200) g
                        left join lateral (select u.id from app_user u
                                           where g % 3 = 0 and u.enabled and u.role in ('SALES_REP', 'MANAGER')
                                           order by u.id offset (g / 3) % 5 limit 1) o on true""").update();
        log.info("Generated {} demo opportunities and {} demo leads", deals, leads);
    }
}
