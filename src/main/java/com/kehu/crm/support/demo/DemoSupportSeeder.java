package com.kehu.crm.support.demo;

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
 * Demo mode only: on the first start with customers but no tickets, a few knowledge-base articles and a ticket for
 * every fiftieth customer across the statuses and priorities (a third of the open ones unassigned, some overdue), so
 * the agent's queue has something to show. Deterministic: derived from the customer ids.
 */
@Component
@Order(40)
@ConditionalOnBooleanProperty("crm.demo.enabled")
@ConditionalOnBooleanProperty(name = "crm.demo.support", matchIfMissing = true)
@RequiredArgsConstructor
class DemoSupportSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSupportSeeder.class);

    private final JdbcClient jdbc;

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        boolean needed = jdbc.sql("select exists (select 1 from customer) and not exists (select 1 from ticket)")
                .query(Boolean.class)
                .single();
        Long agent = jdbc.sql("select min(id) from app_user where role = 'SUPPORT_AGENT' and enabled")
                .query(Long.class)
                .optional()
                .orElse(null);
        if (!needed || agent == null) {
            return;
        }
        int articles = jdbc.sql("""
                        insert into kb_article (id, title, body, category_id, tags, published, published_at, author_id)
                        select nextval('kb_article_seq'), a.title, a.body,
                               (select id from ticket_category where code = a.category), a.tags, true, now(), :agent
                        from (values
                            ('货物破损的补发流程', E'1. 请客户拍照留证\\n2. **当天补发**同款货物\\n3. 电话回访确认',
                             'DELIVERY', array['物流', '补发']),
                            ('发票抬头开错如何重开', E'作废原发票，按正确抬头重新开具，并快递寄出。', 'BILLING',
                             array['发票']),
                            ('Resetting a sensor after a power cut', E'Hold *Reset* for 5 seconds, then recalibrate.',
                             'PRODUCT_QUALITY', array['sensor']),
                            ('投诉服务态度的处理要点', E'先致歉，再了解经过，24 小时内给出处理结果。',
                             'SERVICE_ATTITUDE', array['投诉'])) a(title, body, category, tags)""").param("agent", agent).update();
        int tickets = jdbc.sql("""
                        insert into ticket (id, number, customer_id, channel, type, category_id, priority, subject,
                            description, assignee_id, status, first_response_due_at, resolution_due_at,
                            first_responded_at, resolved_at, closed_at, resolution_summary, created_by, created_at,
                            updated_at)
                        select nextval('ticket_seq'),
                               'T' || to_char(now(), 'YYYY') || lpad(nextval('ticket_number_seq')::text, 6, '0'),
                               d.customer_id, d.channel, d.type, d.category_id, d.priority, d.subject, d.subject,
                               case when d.status = 'NEW' then null else :agent end, d.status,
                               d.created + interval '4 hours', d.created + interval '2 days',
                               case when d.status <> 'NEW' then d.created + interval '1 hour' end,
                               case when d.status in ('RESOLVED', 'CLOSED') then d.created + interval '1 day' end,
                               case when d.status = 'CLOSED' then d.created + interval '2 days' end,
                               case when d.status in ('RESOLVED', 'CLOSED') then '已按流程处理并回访客户。' end,
                               :agent, d.created, now()
                        from (select c.id as customer_id, abs(hashtext(c.code)) as h,
                                     now() - make_interval(hours => abs(hashtext(c.code)) % 120) as created,
                                     (array['PHONE', 'EMAIL', 'WEB_FORM', 'CALL_CENTRE'])[1 + abs(hashtext(c.code)) % 4] as channel,
                                     (array['COMPLAINT', 'INQUIRY', 'SERVICE_REQUEST', 'REPAIR', 'SUGGESTION'])
                                         [1 + abs(hashtext(c.name)) % 5] as type,
                                     (select id from ticket_category order by position
                                      offset abs(hashtext(c.code)) % 5 limit 1) as category_id,
                                     (array['LOW', 'NORMAL', 'NORMAL', 'HIGH', 'URGENT'])[1 + abs(hashtext(c.name)) % 5] as priority,
                                     (array['到货包装破损', '咨询发票开具', '设备无法开机', '希望增加送货时段', '客服回复太慢'])
                                         [1 + abs(hashtext(c.name)) % 5] as subject,
                                     (array['NEW', 'NEW', 'ASSIGNED', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER', 'RESOLVED',
                                            'CLOSED', 'CLOSED'])[1 + abs(hashtext(c.id::text)) % 8] as status
                              from customer c where c.id % 50 = 0 and not c.archived) d""").param("agent", agent).update();
        jdbc.sql("""
                        insert into ticket_status_change (id, ticket_id, from_status, to_status, changed_by, changed_at)
                        select nextval('ticket_status_change_seq'), t.id, null, t.status, t.created_by, t.created_at
                        from ticket t""").update();
        log.info("Generated {} demo knowledge-base articles and {} demo tickets", articles, tickets);
    }
}
