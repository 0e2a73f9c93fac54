package com.kehu.crm.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.kehu.crm.analytics.AnalyticsTestData;
import com.kehu.crm.analytics.MetricsRefresh;
import com.kehu.crm.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The dashboards and the customer lists behind their figures: who may open which, that the figures and lists follow
 * the record rules, that every class links to its list, both languages, the period check and the export.
 */
@IntegrationTest
class DashboardScreenTests {

    /** Each set-up's big buyer buys more than the one before, so the latest is first by profit whatever ran before. */
    static final AtomicInteger ROUND = new AtomicInteger();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MetricsRefresh refresh;

    @Autowired
    UserDetailsService users;

    long vip;
    String vipCode;
    long theirs;
    String theirCode;

    RequestPostProcessor as(String username) {
        return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
    }

    long customer(String owner, String code, String name) {
        return new AnalyticsTestData(jdbc).customer(owner, code, name);
    }

    void order(long customer, LocalDate date, String amount, String cost) {
        new AnalyticsTestData(jdbc).order(customer, date, amount, cost);
    }

    @BeforeEach
    void computeMetrics() {
        String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        vipCode = "DS-" + tag;
        vip = customer("rep1", vipCode, "仪表盘贵宾" + tag);
        LocalDate today = LocalDate.now();
        // big enough to be VIP, smaller than the top buyer AnalyticsApiIntegrationTests expects at rank 1
        String amount = (2_000_000 + 10_000 * ROUND.incrementAndGet()) + ".00";
        for (int i = 1; i <= 6; i++) {
            order(vip, today.minusDays(20L * i), amount, "100000.00");
        }
        theirCode = "DT-" + tag;
        theirs = customer("rep3", theirCode, "北区客户" + tag);
        order(theirs, today.minusDays(30), "10000000.00", "50.00");
        // small buyers, so that both big ones are in the top 20% however few customers the database holds
        for (int i = 0; i < 10; i++) {
            order(customer("rep2", "DF-" + tag + i, "小客户" + i), today.minusDays(40), "10.00", "5.00");
        }
        AnalyticsTestData.refresh(refresh);
    }

    String page(String uri, String user, String language) throws Exception {
        MvcTestResult result = mvc.get()
                .uri(uri)
                .header("Accept-Language", language)
                .with(as(user))
                .exchange();
        assertThat(result).hasStatusOk();
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void eachRoleOpensItsDashboardAndNoOther() {
        assertThat(mvc.get().uri("/analytics").with(as("manager"))).hasRedirectedUrl("/analytics/manager");
        assertThat(mvc.get().uri("/analytics").with(as("admin"))).hasRedirectedUrl("/analytics/manager");
        assertThat(mvc.get().uri("/analytics").with(as("rep1"))).hasRedirectedUrl("/analytics/rep");
        assertThat(mvc.get().uri("/analytics").with(as("agent1"))).hasRedirectedUrl("/analytics/support");
        assertThat(mvc.get().uri("/analytics/manager").with(as("rep1"))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/analytics/manager").with(as("agent1"))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/analytics/rep").with(as("agent1"))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/analytics/support").with(as("rep1"))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get()
                        .uri("/analytics/customers?slice=VALUE_TIER&value=VIP")
                        .with(as("marketer1")))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/analytics/manager")).hasStatus3xxRedirection();
    }

    @Test
    void theManagerDashboardShowsEveryCardWithLinksToTheCustomersBehindIt() throws Exception {
        String html = page("/analytics/manager", "manager", "en");
        assertThat(html)
                .contains("Value tiers (customer pyramid)")
                .contains("id=\"tier-VIP\"")
                .contains("href=\"/analytics/customers?slice=VALUE_TIER&amp;value=VIP\"")
                .contains("href=\"/analytics/customers?slice=LOYALTY&amp;value=UNKNOWN\"")
                .contains("href=\"/analytics/customers?slice=LIFECYCLE&amp;value=STABILITY\"")
                .contains("href=\"/analytics/customers?slice=RFM_SEGMENT&amp;value=CHAMPIONS\"")
                .contains("href=\"/analytics/customers?slice=CLV_TIER&amp;value=MVC\"")
                .contains("href=\"/analytics/customers?slice=CHURNED\"")
                .contains("hx-get=\"/analytics/manager/funnel?from=")
                .contains("Loyalty (Dick and Basu)")
                .contains("Churn and lifecycle")
                .contains("Campaign ROI")
                .contains("Revenue and margin")
                .contains("id=\"trend-table\"")
                .contains("href=\"/orders?status=COMPLETED&amp;from=")
                .contains("hx-get=\"/analytics/manager/service?from=")
                .contains("data-chart=")
                // definitions carry the parameters in force
                .contains("The top 20% are VIP")
                .contains("(the literature reports 50–60%)");
        assertThat(page("/analytics/manager/funnel", "manager", "en"))
                .contains("Sales funnel")
                .doesNotContain("<html");
        assertThat(page("/analytics/rep/funnel", "rep1", "en")).contains("Sales funnel");
        assertThat(mvc.get().uri("/analytics/manager/funnel").with(as("rep1"))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(page("/analytics/manager/service", "manager", "en"))
                .contains("Satisfaction and NPS")
                .contains("Support service level")
                .doesNotContain("<html");
        String zh = page("/analytics/manager", "manager", "zh-CN");
        assertThat(zh)
                .contains("价值分层（客户金字塔）")
                .contains("贵宾型")
                .contains("忠诚者")
                .contains("潜在忠诚者")
                .contains("虚假忠诚者")
                .contains("不忠诚者")
                .contains("考察期")
                .contains("退化期");
    }

    @Test
    void theDrillDownListFollowsTheRecordRules() throws Exception {
        String manager = page("/analytics/customers?slice=VALUE_TIER&value=VIP", "manager", "en");
        assertThat(manager).contains("Value tier: VIP").contains(vipCode).doesNotContain(theirCode);
        assertThat(manager).contains("href=\"/customers/" + vip + "#tab-analytics\"");
        String north = page("/analytics/customers?slice=VALUE_TIER&value=VIP", "manager2", "en");
        assertThat(north).contains(theirCode).doesNotContain(vipCode);
        String rep = page("/analytics/customers?slice=VALUE_TIER&value=VIP", "rep3", "en");
        assertThat(rep).contains(theirCode).doesNotContain(vipCode);
        String admin = page("/analytics/customers?slice=VALUE_TIER&value=VIP", "admin", "zh-CN");
        assertThat(admin).contains("价值分层：贵宾型").contains(vipCode).contains(theirCode);
        // the lists of the rep's own dashboard cover the rep's customers only
        String repDashboard = page("/analytics/rep", "rep3", "en");
        assertThat(repDashboard)
                .contains("My customers by value tier")
                .contains("Due to reorder")
                .contains("At risk");
        assertThat(repDashboard).doesNotContain(vipCode);
    }

    @Test
    void anUnknownClassOrValueIsABadRequest() {
        assertThat(mvc.get()
                        .uri("/analytics/customers?slice=VALUE_TIER&value=GOLD")
                        .with(as("manager")))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/analytics/customers?slice=owner_id&value=1").with(as("manager")))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/analytics/customers?slice=CHURNED&value=x").with(as("manager")))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/analytics/customers").with(as("manager"))).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get()
                        .uri("/analytics/customers?slice=RFM_CELL&value=6-1")
                        .with(as("manager")))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get()
                        .uri("/analytics/customers?slice=RFM_CELL&value=5-1")
                        .with(as("manager")))
                .hasStatusOk();
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsRefusedNextToTheFieldsInTheReadersLanguage() throws Exception {
        String en = page("/analytics/manager?from=2026-03-01&to=2026-01-01", "manager", "en");
        assertThat(en)
                .contains("id=\"period-error\"")
                .contains("The period ends before it starts")
                .contains("value=\"2026-03-01\"");
        MvcTestResult garbled = mvc.get()
                .uri("/analytics/manager?from=not-a-date")
                .with(as("manager"))
                .exchange();
        assertThat(garbled).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(garbled.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("Exception");
        String zh = page("/analytics/support?from=2026-03-01&to=2026-01-01", "agent1", "zh-CN");
        assertThat(zh).contains("结束日期早于开始日期");
    }

    @Test
    void theSupportAndRepDashboardsRender() throws Exception {
        assertThat(page("/analytics/support", "agent1", "en"))
                .contains("Support dashboard")
                .contains("hx-get=\"/analytics/support/body?from=");
        assertThat(page("/analytics/support/body", "agent1", "en"))
                .contains("Complaints by category")
                .contains("id=\"agent-table\"");
        assertThat(mvc.get().uri("/analytics/support/body").with(as("rep1"))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/analytics/manager/service").with(as("rep1"))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(page("/analytics/rep", "rep1", "zh-CN"))
                .contains("我的商机管道与预测")
                .contains("应再次购买")
                .contains("贵宾型");
    }

    @Test
    void theListIsExportedWithTheRecordRulesAndAudited() throws Exception {
        MvcTestResult result = mvc.get()
                .uri("/analytics/customers/export?slice=VALUE_TIER&value=VIP&format=csv")
                .with(as("manager2"))
                .exchange();
        assertThat(result).hasStatusOk();
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains(theirCode).doesNotContain(vipCode).contains("Profit (12 months)");
        Long rows = jdbc.sql("""
                        select (details->>'rows')::bigint from audit_event
                        where actor_name = 'manager2' and details->>'list' = 'analytics-customers'
                        order by id desc limit 1""").query(Long.class).single();
        assertThat(rows).isPositive();
        String xlsx = mvc.get()
                .uri("/analytics/customers/export?slice=VALUE_TIER&value=VIP&format=xlsx")
                .with(as("manager"))
                .exchange()
                .getResponse()
                .getContentType();
        assertThat(xlsx).contains("spreadsheetml");
    }

    /** A deal created on {@code created} that went through {@code stages} (each entered a day later). */
    long deal(long customer, String owner, String name, LocalDate created, String... stages) {
        long id =
                jdbc.sql("select nextval('opportunity_seq')").query(Long.class).single();
        String last = stages[stages.length - 1];
        jdbc.sql("""
                        insert into opportunity (id, customer_id, name, amount, currency, expected_close_date, type,
                                                 owner_id, stage, probability, closed_on, stage_changed_at, created_at)
                        values (:id, :customer, :name, 5000, 'CNY', :created, 'NEW_BUSINESS',
                                (select id from app_user where username = :owner), :stage, 50, null,
                                cast(:created as date), cast(:created as date))""")
                .param("id", id)
                .param("customer", customer)
                .param("name", name)
                .param("created", created)
                .param("owner", owner)
                .param("stage", last)
                .update();
        String from = null;
        LocalDate at = created;
        for (String stage : stages) {
            jdbc.sql("""
                            insert into opportunity_stage_change (id, opportunity_id, from_stage, to_stage, changed_at)
                            values (nextval('opportunity_stage_change_seq'), :id, :from, :to, cast(:at as date))""")
                    .param("id", id)
                    .param("from", from)
                    .param("to", stage)
                    .param("at", at)
                    .update();
            from = stage;
            at = at.plusDays(1);
        }
        return id;
    }

    @Test
    void theFunnelLinksToTheDealsThatReachedEachStageWithinTheRecordRules() throws Exception {
        String tag = vipCode.substring(3);
        LocalDate day = LocalDate.of(1993, 3, 10);
        deal(vip, "rep1", "提案商机" + tag, day, "PROSPECTING", "QUALIFICATION", "PROPOSAL");
        deal(vip, "rep1", "初步商机" + tag, day, "PROSPECTING");
        deal(theirs, "rep3", "北区提案" + tag, day, "PROSPECTING", "QUALIFICATION", "PROPOSAL", "NEGOTIATION");
        // the funnel's counts come from the daily summaries of the refresh
        AnalyticsTestData.refresh(refresh);

        String dashboard = page("/analytics/manager/funnel?from=1993-03-01&to=1993-03-31", "manager", "en");
        // the manager's team (rep1, rep2): one of two deals reached the proposal; the admin sees rep3's too
        assertThat(dashboard).containsPattern("Proposal</a></td>\\s*<td class=\"text-end\">1</td>");
        assertThat(page("/analytics/manager/funnel?from=1993-03-01&to=1993-03-31", "admin", "en"))
                .containsPattern("Proposal</a></td>\\s*<td class=\"text-end\">2</td>")
                .containsPattern("Negotiation</a></td>\\s*<td class=\"text-end\">1</td>");
        assertThat(dashboard)
                .contains(
                        "href=\"/analytics/deals?stage=PROPOSAL&amp;from=1993-03-01&amp;to=1993-03-31&amp;mine=false\"")
                .contains("id=\"funnel-by-rep\"")
                .contains("id=\"funnel-by-team\"");

        String manager = page("/analytics/deals?stage=PROPOSAL&from=1993-03-01&to=1993-03-31", "manager", "en");
        assertThat(manager)
                .contains("Deals that reached Proposal")
                .contains("提案商机" + tag)
                .doesNotContain("初步商机" + tag)
                .doesNotContain("北区提案" + tag);
        String admin = page("/analytics/deals?stage=PROPOSAL&from=1993-03-01&to=1993-03-31", "admin", "zh-CN");
        assertThat(admin).contains("到达“方案报价”的商机").contains("提案商机" + tag).contains("北区提案" + tag);
        String prospects =
                page("/analytics/deals?stage=PROSPECTING&from=1993-03-01&to=1993-03-31&mine=true", "rep1", "en");
        assertThat(prospects).contains("提案商机" + tag).contains("初步商机" + tag).doesNotContain("北区提案" + tag);

        assertThat(mvc.get().uri("/analytics/deals?stage=LOST").with(as("manager")))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get()
                        .uri("/analytics/deals?stage=PROPOSAL&from=1993-04-01&to=1993-03-01")
                        .with(as("manager")))
                .hasStatus(HttpStatus.BAD_REQUEST);
        String csv = mvc.get()
                .uri("/analytics/deals/export?stage=NEGOTIATION&from=1993-03-01&to=1993-03-31&format=csv")
                .with(as("manager2"))
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("北区提案" + tag).doesNotContain("提案商机" + tag).contains("Negotiation");
    }

    /** A ticket opened on {@code created}, answered after {@code responseHours} (due after 4) and resolved at 20h. */
    void ticket(long customer, String subject, String type, String category, LocalDate created, int responseHours) {
        jdbc.sql("""
                        insert into ticket (id, number, customer_id, channel, type, category_id, priority, subject,
                                            assignee_id, status, first_response_due_at, resolution_due_at,
                                            first_responded_at, resolved_at, resolution_summary, created_at)
                        values (nextval('ticket_seq'), :number, :customer, 'PHONE', :type,
                                (select id from ticket_category where code = :category), 'NORMAL', :subject,
                                (select id from app_user where username = 'agent1'), 'RESOLVED',
                                cast(:created as timestamptz) + interval '4 hours',
                                cast(:created as timestamptz) + interval '24 hours',
                                cast(:created as timestamptz) + make_interval(hours => :response),
                                cast(:created as timestamptz) + interval '20 hours', '已处理',
                                cast(:created as timestamptz))""")
                .param("number", "DS" + UUID.randomUUID().toString().substring(0, 12))
                .param("customer", customer)
                .param("type", type)
                .param("category", category)
                .param("subject", subject)
                .param("created", created.atTime(9, 0).atOffset(java.time.ZoneOffset.ofHours(8)))
                .param("response", responseHours)
                .update();
    }

    @Test
    void theSupportFiguresLinkToTheTicketsBehindThemWithinTheRecordRules() throws Exception {
        String tag = vipCode.substring(3);
        LocalDate day = LocalDate.of(1993, 5, 12);
        ticket(vip, "慢回复投诉" + tag, "COMPLAINT", "PRODUCT_QUALITY", day, 6);
        ticket(vip, "及时咨询" + tag, "INQUIRY", "OTHER", day, 1);
        ticket(theirs, "北区投诉" + tag, "COMPLAINT", "SERVICE_ATTITUDE", day, 2);
        // the figures are the summaries of a refresh (the lists behind them read the tickets)
        AnalyticsTestData.refresh(refresh);

        String dashboard = page("/analytics/support/body?from=1993-05-01&to=1993-05-31", "agent1", "en");
        assertThat(dashboard)
                .contains("href=\"/analytics/tickets?filter=RESPONSE_MISSED&amp;from=1993-05-01&amp;to=1993-05-31\"")
                .contains(
                        "href=\"/analytics/tickets?filter=COMPLAINTS&amp;from=1993-05-01&amp;to=1993-05-31&amp;category=PRODUCT_QUALITY\"");

        String missed = page("/analytics/tickets?filter=RESPONSE_MISSED&from=1993-05-01&to=1993-05-31", "agent1", "en");
        assertThat(missed)
                .contains("Tickets that missed their first-response time")
                .contains("慢回复投诉" + tag)
                .doesNotContain("及时咨询" + tag)
                .doesNotContain("北区投诉" + tag);
        String complaints = page(
                "/analytics/tickets?filter=COMPLAINTS&category=SERVICE_ATTITUDE&from=1993-05-01&to=1993-05-31",
                "manager2",
                "en");
        assertThat(complaints).contains("北区投诉" + tag).doesNotContain("慢回复投诉" + tag);
        // the East manager does not see the North customer's tickets
        String east = page("/analytics/tickets?filter=ALL&from=1993-05-01&to=1993-05-31", "manager", "zh-CN");
        assertThat(east).contains("期间内创建的工单").contains("慢回复投诉" + tag).doesNotContain("北区投诉" + tag);

        assertThat(mvc.get().uri("/analytics/tickets?filter=NOPE").with(as("agent1")))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get()
                        .uri("/analytics/tickets?filter=COMPLAINTS&category=NOPE")
                        .with(as("agent1")))
                .hasStatus(HttpStatus.BAD_REQUEST);
        String csv = mvc.get()
                .uri("/analytics/tickets/export?filter=COMPLAINTS&from=1993-05-01&to=1993-05-31&format=csv")
                .with(as("agent1"))
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("慢回复投诉" + tag).contains("北区投诉" + tag).doesNotContain("及时咨询" + tag);
    }

    @Test
    void satisfactionIsShownByValueTierAndProductCategoryInBothLanguages() throws Exception {
        String tag = vipCode.substring(3);
        long category = jdbc.sql("select nextval('product_category_seq')")
                .query(Long.class)
                .single();
        jdbc.sql("insert into product_category (id, code, name_en, name_zh, position) values (:id, :c, :en, :zh, 990)")
                .param("id", category)
                .param("c", "DS_" + tag.replace('-', '_'))
                .param("en", "Dashboard tea " + tag)
                .param("zh", "仪表盘茶叶" + tag)
                .update();
        long product =
                jdbc.sql("select nextval('product_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into product (id, code, name, unit, list_price, unit_cost, currency, category_id)
                        values (:id, :code, '仪表盘产品', '件', 10, 5, 'CNY', :category)""")
                .param("id", product)
                .param("code", "DSP-" + tag)
                .param("category", category)
                .update();
        long order =
                jdbc.sql("select nextval('sales_order_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into sales_order (id, order_number, customer_id, order_date, currency, status,
                                                 total_amount, cost_amount, created_by)
                        values (:id, :number, :customer, date '1993-07-02', 'CNY', 'COMPLETED', 10, 5,
                                (select id from app_user where username = 'rep1'))""")
                .param("id", order)
                .param("number", "DSO" + tag)
                .param("customer", vip)
                .update();
        jdbc.sql("""
                        insert into order_line (id, order_id, line_no, product_id, quantity, unit_price, unit_cost,
                                                net_amount)
                        values (nextval('order_line_seq'), :order, 1, :product, 1, 10, 5, 10)""").param("order", order).param("product", product).update();
        jdbc.sql("""
                        insert into survey_response (id, customer_id, order_id, channel, overall, expectation,
                                                     performance, repurchase_intent, recommend, created_at)
                        values (nextval('survey_response_seq'), :customer, :order, 'LINK', 5, 4, 5, 5, 10,
                                timestamptz '1993-07-05 10:00+08')""").param("customer", vip).param("order", order).update();
        AnalyticsTestData.refresh(refresh);

        String en = page("/analytics/manager/service?from=1993-07-01&to=1993-07-31", "manager", "en");
        assertThat(en)
                .contains("id=\"satisfaction-by-tier\"")
                .contains("id=\"satisfaction-by-product-category\"")
                .contains("Dashboard tea " + tag)
                .contains("Survey answers: 1.");
        String zh = page("/analytics/support/body?from=1993-07-01&to=1993-07-31", "agent1", "zh-CN");
        assertThat(zh).contains("仪表盘茶叶" + tag).contains("产品类别");
    }

    @Test
    void theManagerRefreshesTheFiguresFromTheDashboardAndSeesTheProgress() throws Exception {
        String dashboard = page("/analytics/manager", "manager", "en");
        assertThat(dashboard)
                .contains("id=\"dashboard-refresh-link\"")
                .contains("id=\"analytics-refresh\"")
                .contains("action=\"/analytics/manager/refresh\"");
        assertThat(page("/analytics/manager", "manager", "zh-CN")).contains("刷新数据…");

        assertThat(mvc.post()
                        .uri("/analytics/manager/refresh")
                        .with(as("manager"))
                        .with(SecurityMockMvcRequestPostProcessors.csrf()))
                .hasRedirectedUrl("/analytics/manager#analytics-refresh");
        long id = refresh.latest().orElseThrow().id();
        // the card polls its own URL while the refresh runs, then shows how it ended
        assertThat(page("/analytics/manager/refresh", "manager", "en")).contains("id=\"refresh-status\"");
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofMinutes(2))
                .until(() -> !refresh.status(id).orElseThrow().active());
        assertThat(refresh.status(id).orElseThrow().status()).isEqualTo("DONE");
        assertThat(page("/analytics/manager/refresh", "admin", "en"))
                .contains("data-status=\"DONE\"")
                .doesNotContain("hx-trigger");

        // sellers and support may neither start one nor watch it; nor without the form's token
        assertThat(mvc.post()
                        .uri("/analytics/manager/refresh")
                        .with(as("rep1"))
                        .with(SecurityMockMvcRequestPostProcessors.csrf()))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/analytics/manager/refresh").with(as("agent1")))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/analytics/manager/refresh").with(as("manager")))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(page("/analytics/rep", "rep1", "en")).doesNotContain("dashboard-refresh-link");
    }
}
