package com.kehu.crm.marketing.demo;

import com.kehu.crm.shared.time.BusinessCalendar;
import java.time.LocalDate;
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
 * Demo mode only: on the first start with customers but no campaigns, three campaigns of marketer1's so the screens
 * are not empty: an exhibition that ran last month (show details, expenses, a contact plan, visitors who attended,
 * walk-in prospects), an e-mail wave that was answered by some, and a customer-club event being planned.
 */
@Component
@Order(50)
@ConditionalOnBooleanProperty("crm.demo.enabled")
@ConditionalOnBooleanProperty(name = "crm.demo.marketing", matchIfMissing = true)
@RequiredArgsConstructor
class DemoCampaignSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCampaignSeeder.class);

    private final JdbcClient jdbc;
    private final BusinessCalendar calendar;

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        boolean needed = jdbc.sql("select exists (select 1 from customer) and not exists (select 1 from campaign)")
                .query(Boolean.class)
                .single();
        Long marketer = jdbc.sql("select id from app_user where username = 'marketer1'")
                .query(Long.class)
                .optional()
                .orElse(null);
        if (!needed || marketer == null) {
            return;
        }
        LocalDate today = calendar.today();
        long show = campaign(
                "2026 上海国际工业博览会",
                "EXHIBITION",
                "结识新客户，展示新一代数控设备",
                marketer,
                "COMPLETED",
                today.minusDays(40),
                today.minusDays(37),
                80000,
                30);
        jdbc.sql("""
                        update campaign set show_kind = 'PROFESSIONAL', show_organiser = '上海市国际展览中心',
                            show_venue = '国家会展中心（上海）', show_booth = '7.1H-A018' where id = :id""").param("id", show).update();
        expense(show, today.minusDays(60), "BOOTH", 30000, "展位费", marketer);
        expense(show, today.minusDays(45), "MATERIALS", 6000, "宣传册和易拉宝", marketer);
        expense(show, today.minusDays(38), "TRAVEL", 8500, "展会差旅", marketer);
        expense(show, today.minusDays(38), "GIFTS", 4200, "展位礼品", marketer);
        task(show, "PRE_SHOW", "邀请重点客户到展位参观", today.minusDays(50), marketer, true);
        task(show, "DURING_SHOW", "收集访客名片并登记", today.minusDays(38), marketer, true);
        task(show, "POST_SHOW", "展后三天内回访有意向的访客", today.minusDays(34), marketer, false);
        members(show, 0, 40, today.minusDays(38), marketer);
        prospect(show, "周伟", "苏州精工机械有限公司", "13912345678", "zhouwei@example.com", today.minusDays(38), marketer);
        prospect(show, "陈静", "宁波海达模具厂", "13857712345", null, today.minusDays(39), marketer);
        prospect(
                show,
                "Li Ming",
                "Hangzhou Precision Parts",
                "13600001111",
                "liming@example.com",
                today.minusDays(38),
                marketer);

        long mail = campaign(
                "双十一老客户回购邮件",
                "EMAIL",
                "提醒老客户年底前补货",
                marketer,
                "COMPLETED",
                today.minusDays(20),
                today.minusDays(10),
                5000,
                30);
        expense(mail, today.minusDays(21), "SERVICES", 1800, "邮件群发服务", marketer);
        members(mail, 40, 200, today.minusDays(20), marketer);

        campaign(
                "客户俱乐部年度答谢会",
                "CLUB",
                "答谢重要客户，巩固关系",
                marketer,
                "PLANNED",
                today.plusDays(20),
                today.plusDays(20),
                30000,
                60);
        log.info("Demo campaigns created");
    }

    private long campaign(
            String name,
            String type,
            String objective,
            long owner,
            String status,
            LocalDate start,
            LocalDate end,
            int budget,
            int attributionDays) {
        return jdbc.sql("""
                        insert into campaign (id, name, type, objective, owner_id, status, start_on, end_on, budget,
                                              currency, attribution_days, created_by)
                        values (nextval('campaign_seq'), :name, :type, :objective, :owner, :status, :start, :end,
                                :budget, 'CNY', :days, :owner)
                        returning id""")
                .param("name", name)
                .param("type", type)
                .param("objective", objective)
                .param("owner", owner)
                .param("status", status)
                .param("start", start)
                .param("end", end)
                .param("budget", budget)
                .param("days", attributionDays)
                .query(Long.class)
                .single();
    }

    private void expense(long campaign, LocalDate on, String category, int amount, String note, long user) {
        jdbc.sql("""
                        insert into campaign_expense (id, campaign_id, spent_on, category, amount, note, recorded_by,
                                                      recorded_at)
                        values (nextval('campaign_expense_seq'), :campaign, :on, :category, :amount, :note, :user,
                                now())""")
                .param("campaign", campaign)
                .param("on", on)
                .param("category", category)
                .param("amount", amount)
                .param("note", note)
                .param("user", user)
                .update();
        jdbc.sql("update campaign set spent = spent + :amount where id = :campaign")
                .param("amount", amount)
                .param("campaign", campaign)
                .update();
    }

    private void task(long campaign, String phase, String title, LocalDate due, long user, boolean done) {
        jdbc.sql("""
                        insert into campaign_task (id, campaign_id, phase, title, due_on, assignee_id, done, done_at,
                                                   created_by)
                        values (nextval('campaign_task_seq'), :campaign, :phase, :title, :due, :user, :done,
                                case when :done then now() end, :user)""")
                .param("campaign", campaign)
                .param("phase", phase)
                .param("title", title)
                .param("due", due)
                .param("user", user)
                .param("done", done)
                .update();
    }

    /** {@code count} customers from the {@code offset}-th on: all sent, every third responded, every fifth came. */
    private void members(long campaign, int offset, int count, LocalDate sent, long user) {
        jdbc.sql("""
                        insert into campaign_member (id, campaign_id, member_type, customer_id, status, sent_on,
                                                     responded_on, attended_on, added_by, added_at)
                        select nextval('campaign_member_seq'), :campaign, 'CUSTOMER', c.id,
                               case when c.n % 5 = 0 then 'ATTENDED' when c.n % 3 = 0 then 'RESPONDED' else 'SENT' end,
                               :sent,
                               case when c.n % 5 = 0 or c.n % 3 = 0 then :sent + 1 end,
                               case when c.n % 5 = 0 then :sent + 2 end,
                               :user, now()
                        from (select id, row_number() over (order by id) as n from customer
                              where not archived order by id offset :offset limit :count) c""")
                .param("campaign", campaign)
                .param("sent", sent)
                .param("user", user)
                .param("offset", offset)
                .param("count", count)
                .update();
    }

    private void prospect(
            long campaign, String name, String company, String phone, String email, LocalDate on, long user) {
        jdbc.sql("""
                        insert into campaign_member (id, campaign_id, member_type, prospect_name, prospect_company,
                                                     prospect_phone, prospect_email, status, attended_on, added_by,
                                                     added_at)
                        values (nextval('campaign_member_seq'), :campaign, 'PROSPECT', :name, :company, :phone, :email,
                                'ATTENDED', :on, :user, now())""")
                .param("campaign", campaign)
                .param("name", name)
                .param("company", company)
                .param("phone", phone)
                .param("email", email)
                .param("on", on)
                .param("user", user)
                .update();
    }
}
