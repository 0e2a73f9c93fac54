package com.kehu.crm.marketing;

import static com.kehu.crm.support.IntegrationTest.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.sales.LeadData;
import com.kehu.crm.sales.LeadService;
import com.kehu.crm.sales.LeadSource;
import com.kehu.crm.support.IntegrationTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Campaigns end to end through the screens and the API: record and role rules, members, responses, leads, exports. */
@IntegrationTest
class CampaignIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CampaignService campaigns;

    @Autowired
    LeadService leads;

    CampaignTestData data;

    @BeforeEach
    void setUp() throws Exception {
        data = new CampaignTestData(jdbc, users, campaigns);
    }

    RequestPostProcessor user(String username) {
        return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
    }

    static long idOf(MvcTestResult result) {
        return Long.parseLong(result.getResponse().getHeader("Location").replaceAll(".*/", ""));
    }

    MvcTestResult createByApi(String username, String name, String type, String extra) {
        return mvc.post()
                .uri("/api/v1/campaigns")
                .with(httpBasic(username, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name": "%s", "type": "%s", "startOn": "2026-05-01", "endOn": "2026-05-03",
                         "budget": 50000 %s}""".formatted(name, type, extra))
                .exchange();
    }

    @Test
    void aMarketerRunsAnExhibitionThroughTheApi() throws Exception {
        MvcTestResult created = createByApi(
                "marketer1",
                CampaignTestData.unique("工博会"),
                "EXHIBITION",
                ", \"showKind\": \"PROFESSIONAL\", \"showBooth\": \"7.1H-A018\", \"attributionDays\": 45");
        assertThat(created).hasStatus(HttpStatus.CREATED);
        long id = idOf(created);
        assertThat(created).bodyJson().extractingPath("$.row.status").isEqualTo("PLANNED");
        assertThat(created)
                .bodyJson()
                .extractingPath("$.attributionDays")
                .asNumber()
                .isEqualTo(45);

        for (String amount : new String[] {"30000", "2500.50"}) {
            assertThat(mvc.post()
                            .uri("/api/v1/campaigns/" + id + "/expenses")
                            .with(httpBasic("marketer1", PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"spentOn": "2026-04-20", "category": "BOOTH", "amount": %s, "note": "展位"}""".formatted(amount))
                            .exchange())
                    .hasStatus(HttpStatus.CREATED);
        }
        long firstExpense = jdbc.sql("select id from campaign_expense where campaign_id = :id and amount = 30000")
                .param("id", id)
                .query(Long.class)
                .single();
        assertThat(mvc.delete()
                        .uri("/api/v1/campaigns/" + id + "/expenses/" + firstExpense)
                        .with(httpBasic("marketer1", PASSWORD))
                        .exchange())
                .hasStatus(HttpStatus.NO_CONTENT);
        var after = mvc.get()
                .uri("/api/v1/campaigns/" + id)
                .with(httpBasic("marketer1", PASSWORD))
                .exchange();
        BigDecimalAssert.spent(after, jdbc, id);

        long customer = data.customer(CampaignTestData.unique("展会客户"));
        MvcTestResult member = mvc.post()
                .uri("/api/v1/campaigns/" + id + "/members")
                .with(httpBasic("marketer1", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"customerId\": " + customer + "}")
                .exchange();
        assertThat(member).hasStatus(HttpStatus.CREATED);
        assertThat(mvc.post()
                        .uri("/api/v1/campaigns/" + id + "/members")
                        .with(httpBasic("marketer1", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customerId\": " + customer + "}")
                        .exchange())
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("campaign.member.duplicate");
        assertThat(mvc.post()
                        .uri("/api/v1/campaigns/" + id + "/members/" + idOf(member) + "/response")
                        .with(httpBasic("marketer1", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"ATTENDED\", \"date\": \"2026-05-02\"}")
                        .exchange())
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(mvc.get()
                        .uri("/api/v1/campaigns/" + id + "/members?status=ATTENDED")
                        .with(httpBasic("marketer1", PASSWORD))
                        .exchange())
                .bodyJson()
                .extractingPath("$.content[0].attendedOn")
                .isEqualTo("2026-05-02");

        MvcTestResult performance = mvc.get()
                .uri("/api/v1/campaigns/" + id + "/performance")
                .with(httpBasic("marketer1", PASSWORD))
                .exchange();
        assertThat(performance).hasStatus(HttpStatus.OK);
        assertThat(performance).bodyJson().extractingPath("$.cost").asNumber().isEqualTo(2500.5);
        assertThat(performance).bodyJson().extractingPath("$.rule").isEqualTo("LAST_TOUCH");
        assertThat(performance)
                .bodyJson()
                .extractingPath("$.attributionDays")
                .asNumber()
                .isEqualTo(45);

        assertThat(mvc.delete()
                        .uri("/api/v1/campaigns/" + id)
                        .with(httpBasic("marketer1", PASSWORD))
                        .exchange())
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("campaign.delete.notAllowed");
        assertThat(mvc.post()
                        .uri("/api/v1/campaigns/" + id + "/status")
                        .with(httpBasic("marketer1", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"COMPLETED\"}")
                        .exchange())
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("campaign.status.notAllowed");
    }

    /** spent equals the sum of the remaining lines. */
    static final class BigDecimalAssert {
        static void spent(MvcTestResult details, JdbcClient jdbc, long id) {
            assertThat(details)
                    .bodyJson()
                    .extractingPath("$.row.spent")
                    .asNumber()
                    .isEqualTo(2500.5);
            assertThat(jdbc.sql("select sum(amount) = (select spent from campaign where id = :id) "
                                    + "from campaign_expense where campaign_id = :id")
                            .param("id", id)
                            .query(Boolean.class)
                            .single())
                    .isTrue();
        }
    }

    @Test
    void theApiRefusesBadInputAndStaleVersions() throws Exception {
        assertThat(createByApi("marketer1", "", "EMAIL", "")).hasStatus(HttpStatus.BAD_REQUEST);
        MvcTestResult backwards = mvc.post()
                .uri("/api/v1/campaigns")
                .with(httpBasic("marketer1", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name": "倒序", "type": "EMAIL", "startOn": "2026-05-03", "endOn": "2026-05-01", "budget": 1}""")
                .exchange();
        assertThat(backwards).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(backwards).bodyJson().extractingPath("$.errors[0].field").isEqualTo("endOn");
        assertThat(createByApi("marketer1", "邮件带展位", "EMAIL", ", \"showBooth\": \"A1\""))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("campaign.show.exhibitionOnly");

        long id = idOf(createByApi("marketer1", CampaignTestData.unique("版本"), "EMAIL", ""));
        String update = """
                {"name": "改名", "type": "EMAIL", "startOn": "2026-05-01", "endOn": "2026-05-09", "budget": 1,
                 "version": %d}""";
        assertThat(mvc.put()
                        .uri("/api/v1/campaigns/" + id)
                        .with(httpBasic("marketer1", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(update.formatted(0))
                        .exchange())
                .hasStatus(HttpStatus.OK);
        assertThat(mvc.put()
                        .uri("/api/v1/campaigns/" + id)
                        .with(httpBasic("marketer1", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(update.formatted(0))
                        .exchange())
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(mvc.delete()
                        .uri("/api/v1/campaigns/" + id)
                        .with(httpBasic("marketer1", PASSWORD))
                        .exchange())
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(mvc.get()
                        .uri("/api/v1/campaigns/" + id)
                        .with(httpBasic("marketer1", PASSWORD))
                        .exchange())
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void onlyMarketingRolesSeeCampaignsAndOnlyTheOwnerCreatorOrAManagerChangesOne() throws Exception {
        long id = idOf(createByApi("marketer1", CampaignTestData.unique("权限"), "EMAIL", ""));
        for (String outsider : new String[] {"rep1", "agent1"}) {
            assertThat(mvc.get().uri("/campaigns").with(user(outsider)).exchange())
                    .hasStatus(HttpStatus.FORBIDDEN);
            assertThat(mvc.get()
                            .uri("/api/v1/campaigns/" + id)
                            .with(httpBasic(outsider, PASSWORD))
                            .exchange())
                    .hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(mvc.get().uri("/campaigns/99999999").with(user("marketer1")).exchange())
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get()
                        .uri("/api/v1/campaigns/99999999/performance")
                        .with(httpBasic("marketer1", PASSWORD))
                        .exchange())
                .hasStatus(HttpStatus.NOT_FOUND);
        // the manager reads and changes it; another marketer reads it but may not change it
        assertThat(mvc.get().uri("/campaigns/" + id).with(user("manager")).exchange())
                .hasStatus(HttpStatus.OK);
        jdbc.sql("""
                        insert into app_user (id, username, display_name, password_hash, role)
                        select nextval('app_user_seq'), 'marketer-other', '市场二', password_hash, 'MARKETER'
                        from app_user where username = 'marketer1'
                        on conflict do nothing""").update();
        assertThat(mvc.get()
                        .uri("/campaigns/" + id)
                        .with(user("marketer-other"))
                        .exchange())
                .hasStatus(HttpStatus.OK);
        assertThat(mvc.post()
                        .uri("/campaigns/" + id + "/status")
                        .with(user("marketer-other"))
                        .with(csrf())
                        .param("status", "ACTIVE")
                        .exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/api/v1/campaigns/" + id + "/expenses")
                        .with(httpBasic("marketer-other", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"spentOn\": \"2026-04-20\", \"category\": \"OTHER\", \"amount\": 5}")
                        .exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/campaigns/" + id + "/status")
                        .with(user("manager"))
                        .with(csrf())
                        .param("status", "ACTIVE")
                        .exchange())
                .hasStatus(HttpStatus.FOUND);
        assertThat(jdbc.sql("select status from campaign where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("ACTIVE");
    }

    @Test
    void theScreensShowTheCampaignWithADashForRoiWithoutCost() throws Exception {
        String name = CampaignTestData.unique("答谢会");
        MvcTestResult created = mvc.post()
                .uri("/campaigns")
                .with(user("marketer1"))
                .with(csrf())
                .param("name", name)
                .param("type", "CLUB")
                .param("ownerId", String.valueOf(data.user("marketer1").id()))
                .param("startOn", "2026-06-01")
                .param("endOn", "2026-06-01")
                .param("budget", "3000")
                .exchange();
        assertThat(created).hasStatus(HttpStatus.FOUND);
        String location = created.getResponse().getRedirectedUrl();
        MvcTestResult page = mvc.get().uri(location).with(user("marketer1")).exchange();
        assertThat(page).hasStatus(HttpStatus.OK);
        String html = page.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains(name).contains("id=\"perf-roi\"").contains("<span>—</span>");
        assertThat(html).contains("no cost recorded");

        MvcTestResult list = mvc.get()
                .uri("/campaigns?q=" + name.substring(0, 3))
                .with(user("marketer1"))
                .exchange();
        assertThat(list.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains(name)
                .contains("campaign-spent");
        assertThat(mvc.get()
                        .uri("/campaigns/performance")
                        .with(user("marketer1"))
                        .exchange())
                .hasStatus(HttpStatus.OK);

        MvcTestResult bad = mvc.post()
                .uri("/campaigns")
                .with(user("marketer1"))
                .with(csrf())
                .param("name", "倒序")
                .param("type", "EMAIL")
                .param("ownerId", String.valueOf(data.user("marketer1").id()))
                .param("startOn", "2026-06-05")
                .param("endOn", "2026-06-01")
                .param("budget", "-1")
                .exchange();
        assertThat(bad).hasStatus(HttpStatus.OK);
        assertThat(bad.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("The end date must not be before the start date.")
                .contains("is-invalid");
    }

    @Test
    void aConcurrentEditShowsTheConflictPageWithTheUsersInput() throws Exception {
        long id = idOf(createByApi("marketer1", CampaignTestData.unique("冲突"), "EMAIL", ""));
        jdbc.sql("update campaign set budget = 777, version = version + 1 where id = :id")
                .param("id", id)
                .update();
        MvcTestResult result = mvc.post()
                .uri("/campaigns/" + id)
                .with(user("marketer1"))
                .with(csrf())
                .param("name", "我的名字")
                .param("type", "EMAIL")
                .param("ownerId", String.valueOf(data.user("marketer1").id()))
                .param("startOn", "2026-05-01")
                .param("endOn", "2026-05-03")
                .param("budget", "900")
                .param("version", "0")
                .exchange();
        assertThat(result).hasStatus(HttpStatus.OK);
        String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"conflict-table\"").contains("我的名字").contains("777");
    }

    @Test
    void aWalkInProspectBecomesAPoolLeadWithOneClick() throws Exception {
        long id = data.campaign("访客", 30);
        CurrentUser marketer = data.user("marketer1");
        jdbc.sql("update campaign set type = 'EXHIBITION' where id = :id")
                .param("id", id)
                .update();
        long member = campaigns.addProspect(id, new CampaignProspect("陈静", "海达模具", "138-5771-2345", null), marketer);

        assertThat(mvc.post()
                        .uri("/campaigns/" + id + "/members/" + member + "/convert")
                        .with(user("marketer1"))
                        .with(csrf())
                        .exchange())
                .hasStatus(HttpStatus.FOUND);

        var row = jdbc.sql("""
                        select m.status, l.owner_id, l.source, l.contact_name, l.company_name
                        from campaign_member m join lead l on l.id = m.converted_lead_id where m.id = :id""").param("id", member).query().singleRow();
        assertThat(row.get("status")).isEqualTo("CONVERTED");
        assertThat(row.get("owner_id")).isNull();
        assertThat(row.get("source")).isEqualTo("EXHIBITION");
        assertThat(row.get("contact_name")).isEqualTo("陈静");
        assertThatThrownBy(() -> campaigns.convertToLead(id, member, marketer))
                .isInstanceOf(CampaignRuleException.class);
    }

    @Test
    void marketersAndSellersRegisterPoolLeadsButAgentsDoNot() throws Exception {
        LeadData lead = new LeadData("展会公司", "访客", null, null, null, LeadSource.EXHIBITION, null, null);
        long id = leads.registerPoolLead(lead, data.user("marketer1"));
        assertThat(jdbc.sql("select owner_id is null from lead where id = :id")
                        .param("id", id)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(leads.registerPoolLead(lead, data.user("rep1"))).isPositive();
        assertThatThrownBy(() -> leads.registerPoolLead(lead, data.user("agent1")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void importsAResponseListAndReportsUnmatchedAndBadLines() throws Exception {
        long id = data.campaign("导入", 30);
        long a = data.customer(CampaignTestData.unique("导入甲"));
        long b = data.customer(CampaignTestData.unique("导入乙"));
        CurrentUser marketer = data.user("marketer1");
        long memberA = campaigns.addCustomer(id, a, marketer);
        long memberB = campaigns.addCustomer(id, b, marketer);
        long prospect = campaigns.addProspect(
                id, new CampaignProspect("访客", null, "139 1111 2222", "Visitor@Example.com"), marketer);
        String csv = "\uFEFFcustomer_code,phone,email,response,date\n"
                + data.codeOf(a) + ",,,RESPONDED,2026-03-05\n"
                + data.codeOf(b).toLowerCase() + ",,,已参加,2026/3/7\n"
                + "NOSUCHCODE,,,SENT,2026-03-05\n"
                + data.codeOf(a) + ",,,SENT,2026-13-40\n"
                + ",13911112222,,SENT,\n"
                + data.codeOf(b) + ",,,maybe,2026-03-05\n";
        MvcTestResult result = mvc.post()
                .uri("/campaigns/" + id + "/responses/import")
                .multipart()
                .file(new MockMultipartFile("file", "responses.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .with(user("marketer1"))
                .with(csrf())
                .exchange();
        assertThat(result).hasStatus(HttpStatus.FOUND);
        CampaignImportResult summary =
                (CampaignImportResult) result.getMvcResult().getFlashMap().get("importResult");
        assertThat(summary.applied()).isEqualTo(3);
        assertThat(summary.unmatched()).containsExactly(4);
        assertThat(summary.invalid())
                .containsExactly(
                        new CampaignImportResult.Invalid(5, "campaign.import.badDate"),
                        new CampaignImportResult.Invalid(7, "campaign.import.badResponse"));
        assertThat(status(memberA)).isEqualTo("RESPONDED");
        assertThat(status(memberB)).isEqualTo("ATTENDED");
        assertThat(status(prospect)).isEqualTo("SENT");
        assertThat(jdbc.sql("select responded_on from campaign_member where id = :id")
                        .param("id", memberA)
                        .query(LocalDate.class)
                        .single())
                .isEqualTo(LocalDate.of(2026, 3, 5));

        MvcTestResult page = mvc.get()
                .uri("/campaigns/" + id)
                .cookie(result.getResponse().getCookies())
                .with(user("marketer1"))
                .exchange();
        assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Line 5:")
                .contains("3 lines applied.");
    }

    @Test
    void expensesEnteredAtOnceAllCountInSpent() throws Exception {
        long id = data.campaign("并发报销", 30);
        CurrentUser marketer = data.user("marketer1");
        var pool = Executors.newFixedThreadPool(4);
        try {
            var start = new CountDownLatch(1);
            var futures = new ArrayList<Future<Long>>();
            for (int i = 0; i < 20; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return campaigns.addExpense(
                            id,
                            LocalDate.of(2026, 3, 1),
                            ExpenseCategory.MATERIALS,
                            new BigDecimal("12.50"),
                            null,
                            marketer);
                }));
            }
            start.countDown();
            for (var f : futures) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("select spent from campaign where id = :id")
                        .param("id", id)
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("250.00");
    }

    String status(long member) {
        return jdbc.sql("select status from campaign_member where id = :id")
                .param("id", member)
                .query(String.class)
                .single();
    }

    @Test
    void theTargetListEscapesFormulasInCsvAndExcel() throws Exception {
        long id = data.campaign("导出", 30);
        campaigns.addProspect(
                id,
                new CampaignProspect("=HYPERLINK(\"http://evil\",\"x\")", "+Company", "@13900000000", null),
                data.user("marketer1"));
        MvcTestResult csv = mvc.get()
                .uri("/campaigns/" + id + "/members/export?format=csv")
                .with(user("marketer1"))
                .exchange();
        assertThat(csv).hasStatus(HttpStatus.OK);
        String body = csv.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("'=HYPERLINK").contains("'+Company").doesNotContain(",=HYPERLINK");
        assertThat(jdbc.sql("""
                                select details->>'rows' from audit_event
                                where kind = 'EXPORT' and entity_type = 'CAMPAIGN' and entity_id = :id
                                  and actor_name = 'marketer1' and details->>'format' = 'CSV'""").param("id", id).query(String.class).list())
                .as("every export is audited with its row count")
                .containsExactly("1");
        MvcTestResult xlsx = mvc.get()
                .uri("/campaigns/" + id + "/members/export?format=xlsx")
                .with(user("marketer1"))
                .exchange();
        assertThat(xlsx).hasStatus(HttpStatus.OK);
        assertThat(xlsx.getResponse().getContentType()).contains("spreadsheetml");
        assertThat(mvc.get()
                        .uri("/campaigns/" + id + "/members/export?format=csv")
                        .with(user("rep1"))
                        .exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void postShowFollowUpsAreCreatedOncePerRespondingCustomer() throws Exception {
        long id = data.campaign("展后", 30);
        CurrentUser marketer = data.user("marketer1");
        long attended = data.customer(CampaignTestData.unique("到场"));
        long silent = data.customer(CampaignTestData.unique("未回复"));
        long m1 = campaigns.addCustomer(id, attended, marketer);
        campaigns.addCustomer(id, silent, marketer);
        campaigns.respond(id, m1, CampaignMemberStatus.ATTENDED, LocalDate.of(2026, 3, 1), marketer);

        assertThat(campaigns.createFollowUps(id, marketer)).isEqualTo(1);
        assertThat(campaigns.createFollowUps(id, marketer)).isZero();
        assertThat(jdbc.sql("""
                        select count(*) from activity a
                        where a.customer_id = :c and a.type = 'TASK' and not a.done
                          and a.owner_id = (select id from app_user where username = 'rep1')""").param("c", attended).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from activity where customer_id = :c")
                        .param("c", silent)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
