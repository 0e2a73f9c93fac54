package com.kehu.crm.sales;

import static com.kehu.crm.sales.LeadFixtures.read;
import static com.kehu.crm.sales.LeadFixtures.unique;
import static com.kehu.crm.sales.LeadFixtures.uniquePhone;
import static com.kehu.crm.support.IntegrationTest.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Leads end to end (confirmation off, the default): API, screens, visibility, duplicates and conversion. */
@IntegrationTest
class LeadIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @org.junit.jupiter.api.AfterEach
    void releaseClaimedLeads(@Autowired JdbcClient jdbcClient) {
        LeadFixtures.releaseOpenLeads(jdbcClient);
    }

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LeadConversionService conversions;

    LeadFixtures fixtures() {
        return new LeadFixtures(mvc);
    }

    RequestPostProcessor user(String username) {
        return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
    }

    CurrentUser current(String username) {
        return ((CrmUserDetails) users.loadUserByUsername(username)).currentUser();
    }

    @Test
    void convertsALeadIntoCustomerContactAndDealInOneGo() {
        String company = unique("转化测试公司");
        String phone = uniquePhone();
        String email = unique("buyer") + "@convert.cn";
        long lead = fixtures().qualifiedLead("rep1", company, phone, email);

        MvcTestResult result = fixtures().convert("rep1", lead, """
                        {"opportunity": {"name": "首批设备采购", "amount": 250000.00, "expectedCloseDate": "2031-06-30",
                                         "type": "NEW_BUSINESS"}}""");

        assertThat(result).hasStatusOk();
        long customerId = ((Number) read(result, "$.customerId")).longValue();
        long contactId = ((Number) read(result, "$.contactId")).longValue();
        long opportunityId = ((Number) read(result, "$.opportunityId")).longValue();
        Map<String, Object> customer = jdbc.sql("select name, kind, status, owner_id from customer where id = ?")
                .param(customerId)
                .query()
                .singleRow();
        assertThat(customer)
                .containsEntry("name", company)
                .containsEntry("kind", "ENTERPRISE")
                .containsEntry("status", "TARGET")
                .containsEntry("owner_id", current("rep1").id());
        Map<String, Object> contact = jdbc.sql(
                        "select customer_id, name, responsible, mobile from contact where id = ?")
                .param(contactId)
                .query()
                .singleRow();
        assertThat(contact)
                .containsEntry("customer_id", customerId)
                .containsEntry("name", "王经理")
                .containsEntry("responsible", true)
                .containsEntry("mobile", phone);
        Map<String, Object> deal = jdbc.sql(
                        "select customer_id, source_lead_id, owner_id, amount from opportunity" + " where id = ?")
                .param(opportunityId)
                .query()
                .singleRow();
        assertThat(deal)
                .containsEntry("customer_id", customerId)
                .containsEntry("source_lead_id", lead)
                .containsEntry("owner_id", current("rep1").id());
        assertThat((BigDecimal) deal.get("amount")).isEqualByComparingTo("250000");
        Map<String, Object> converted = jdbc.sql("select status, converted_customer_id, converted_contact_id,"
                        + " converted_opportunity_id from lead where id = ?")
                .param(lead)
                .query()
                .singleRow();
        assertThat(converted)
                .containsEntry("status", "CONVERTED")
                .containsEntry("converted_customer_id", customerId)
                .containsEntry("converted_contact_id", contactId)
                .containsEntry("converted_opportunity_id", opportunityId);

        assertThat(fixtures().convert("rep1", lead, "{}"))
                .as("a converted lead is closed")
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("lead.convert.notQualified");
        assertThat(mvc.delete().uri("/api/v1/leads/" + lead).with(httpBasic("rep1", PASSWORD)))
                .as("a converted lead stays as history")
                .hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void createsNothingWhenAPartOfTheConversionFails() {
        String company = unique("回滚测试公司");
        long lead = fixtures().qualifiedLead("rep1", company, uniquePhone(), null);
        OpportunityData invalid = new OpportunityData(
                "负数金额",
                new BigDecimal("-1"),
                "CNY",
                LocalDate.of(2031, 1, 1),
                OpportunityType.NEW_BUSINESS,
                null,
                null,
                null);

        assertThatThrownBy(() -> conversions.convert(lead, new ConvertLead(null, false, invalid), current("rep1")))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(jdbc.sql("select count(*) from customer where name = ?")
                        .param(company)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from contact ct join customer c on c.id = ct.customer_id where c.name = ?")
                        .param(company)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select status from lead where id = ?")
                        .param(lead)
                        .query(String.class)
                        .single())
                .isEqualTo("QUALIFIED");
        assertThat(fixtures().convert("rep1", lead, """
                        {"opportunity": {"name": "负数", "amount": -5, "expectedCloseDate": "2031-01-01"}}"""))
                .as("the API refuses the amount before anything starts")
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void findsDuplicatesByNamePhoneAndEmailAcrossTeamsAndWaitsForADecision() {
        String name = unique("重复客户测试");
        String phone = uniquePhone();
        String email = unique("dup") + "@dup.cn";
        fixtures().customer("rep3", name, phone, email);

        long byName = fixtures().qualifiedLead("rep1", name, null, null);
        long byPhone = fixtures().qualifiedLead("rep1", unique("另一家公司"), phone, null);
        long byEmail = fixtures().qualifiedLead("rep1", unique("第三家公司"), null, email.toUpperCase());

        MvcTestResult nameResult = fixtures().convert("rep1", byName, "{}");
        assertThat(nameResult).hasStatus(HttpStatus.CONFLICT);
        assertThat(nameResult).bodyJson().extractingPath("$.candidates[0].name").isEqualTo(name);
        assertThat(nameResult)
                .bodyJson()
                .extractingPath("$.candidates[0].nameMatched")
                .isEqualTo(true);
        assertThat(nameResult)
                .as("another team's customer: name and owner only")
                .bodyJson()
                .extractingPath("$.candidates[0].customerId")
                .isNull();
        assertThat(nameResult)
                .bodyJson()
                .extractingPath("$.candidates[0].ownerName")
                .isEqualTo("刘洋 Liu Yang");
        assertThat(fixtures().convert("rep1", byPhone, "{}"))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.candidates[0].phoneMatched")
                .isEqualTo(true);
        assertThat(fixtures().convert("rep1", byEmail, "{}"))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.candidates[0].emailMatched")
                .isEqualTo(true);
        assertThat(jdbc.sql("select count(*) from customer where lower(email) = lower(?)")
                        .param(email)
                        .query(Long.class)
                        .single())
                .as("nothing created while the user has not decided")
                .isEqualTo(1);

        MvcTestResult anyway = fixtures().convert("rep1", byEmail, "{\"ignoreDuplicates\": true}");
        assertThat(anyway)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.opportunityId")
                .isNull();
        assertThat(fixtures()
                        .convert(
                                "rep1",
                                byName,
                                "{\"existingCustomerId\": "
                                        + jdbc.sql("select id from customer where name = ?")
                                                .param(name)
                                                .query(Long.class)
                                                .single()
                                        + "}"))
                .as("another team's customer cannot be attached to")
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void attachesALeadToAnExistingCustomer() {
        String name = unique("已有客户");
        long customer = fixtures().customer("rep1", name, null, null);
        long lead = fixtures().qualifiedLead("rep1", name, null, null);

        MvcTestResult result = fixtures().convert("rep1", lead, "{\"existingCustomerId\": " + customer + "}");

        assertThat(result).hasStatusOk();
        assertThat(((Number) read(result, "$.customerId")).longValue()).isEqualTo(customer);
        assertThat(jdbc.sql("select count(*) from customer where name = ?")
                        .param(name)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from contact where customer_id = ? and not responsible")
                        .param(customer)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void showsDuplicatesOnTheConversionScreenAndBlocksUntilTheUserDecides() {
        String name = unique("屏幕重复");
        long customer = fixtures().customer("rep1", name, null, null);
        long lead = fixtures().qualifiedLead("rep1", name, null, null);

        assertThat(mvc.get().uri("/leads/" + lead + "/convert").with(user("rep1")))
                .hasStatusOk()
                .bodyText()
                .contains("duplicate-candidates", name, "/customers/" + customer);
        assertThat(mvc.post()
                        .uri("/leads/" + lead + "/convert")
                        .with(user("rep1"))
                        .with(csrf()))
                .hasStatusOk()
                .hasViewName("leads/convert")
                .bodyText()
                .contains("duplicate-candidates");
        assertThat(mvc.post()
                        .uri("/leads/" + lead + "/convert")
                        .with(user("rep1"))
                        .with(csrf())
                        .param("decision", "attach")
                        .param("customerId", String.valueOf(customer)))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/customers/" + customer);
    }

    @Test
    void hidesPrivateLeadsOutsideTheOwnersTeam() {
        String company = unique("私海可见性");
        long lead = fixtures().lead("rep1", company, null, null, true);

        assertThat(mvc.get().uri("/api/v1/leads/" + lead).with(httpBasic("rep3", PASSWORD)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/leads/" + lead).with(user("rep3"))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/leads/" + lead).with(user("rep2"))).hasStatus(HttpStatus.NOT_FOUND);
        for (String view : List.of("pool", "mine", "team")) {
            assertThat(mvc.get()
                            .uri("/api/v1/leads?view=" + view + "&q=" + company)
                            .with(httpBasic("rep3", PASSWORD)))
                    .bodyJson()
                    .extractingPath("$.content")
                    .asArray()
                    .isEmpty();
            assertThat(mvc.get()
                            .uri("/api/v1/leads?view=" + view + "&q=" + company)
                            .with(httpBasic("manager2", PASSWORD)))
                    .bodyJson()
                    .extractingPath("$.content")
                    .asArray()
                    .isEmpty();
        }
        assertThat(mvc.get().uri("/leads?view=TEAM&q=" + company).with(user("manager2")))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("/leads/" + lead + "\"");
        assertThat(mvc.get().uri("/api/v1/leads?view=team&q=" + company).with(httpBasic("manager", PASSWORD)))
                .bodyJson()
                .extractingPath("$.content[0].id")
                .isEqualTo((int) lead);
        assertThat(mvc.get().uri("/leads?q=" + company).with(user("rep1")))
                .hasStatusOk()
                .bodyText()
                .contains(company);
        assertThat(mvc.get().uri("/leads/" + lead).with(user("manager")))
                .hasStatusOk()
                .bodyText()
                .contains(company, "qualify-form");
    }

    @Test
    void showsPoolLeadsToEverySellerAndKeepsOthersOut() {
        String company = unique("公海线索");
        long lead = fixtures().lead("manager", company, "021-6666 1234", null, false);

        assertThat(mvc.get().uri("/api/v1/leads?view=pool&q=" + company).with(httpBasic("rep3", PASSWORD)))
                .bodyJson()
                .extractingPath("$.content[0].id")
                .isEqualTo((int) lead);
        assertThat(mvc.get().uri("/api/v1/leads?view=pool&q=0216666").with(httpBasic("rep3", PASSWORD)))
                .as("phone prefix search")
                .bodyJson()
                .extractingPath("$.content[*].id")
                .asArray()
                .contains((int) lead);
        assertThat(mvc.get().uri("/leads/" + lead).with(user("rep3")))
                .hasStatusOk()
                .bodyText()
                .contains(company, "claim-lead");
        assertThat(mvc.get().uri("/leads").with(user("agent1"))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/leads/" + lead).with(httpBasic("agent1", PASSWORD)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/leads").with(httpBasic("marketer1", PASSWORD)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.delete().uri("/api/v1/leads/" + lead).with(httpBasic("rep3", PASSWORD)))
                .as("pool leads are deleted by managers")
                .hasStatus(HttpStatus.FORBIDDEN);

        assertThat(mvc.post()
                        .uri("/leads/" + lead + "/claim")
                        .with(user("rep3"))
                        .with(csrf()))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/leads/" + lead);
        assertThat(mvc.get().uri("/leads/" + lead).with(user("rep1"))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/api/v1/leads/" + lead + "/claim").with(httpBasic("rep1", PASSWORD)))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("Somebody else has already claimed this lead.");
        assertThat(mvc.delete().uri("/api/v1/leads/" + lead).with(httpBasic("rep3", PASSWORD)))
                .as("the owner deletes a never-converted lead")
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(mvc.get().uri("/api/v1/leads/" + lead).with(httpBasic("rep3", PASSWORD)))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void updatesWithOptimisticLocking() {
        long lead = fixtures().lead("rep1", unique("乐观锁"), null, null, true);
        String body = """
                {"companyName": "改名后的公司", "contactName": "李总", "source": "REFERRAL", "version": %d}""";

        assertThat(mvc.put()
                        .uri("/api/v1/leads/" + lead)
                        .with(httpBasic("rep1", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(0)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.contactName")
                .isEqualTo("李总");
        assertThat(mvc.put()
                        .uri("/api/v1/leads/" + lead)
                        .with(httpBasic("rep1", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(0)))
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(mvc.put()
                        .uri("/api/v1/leads/" + lead)
                        .with(httpBasic("rep3", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(1)))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void refusesToConvertAnUnqualifiedLeadWithAFixedMessage() {
        long lead = fixtures().lead("rep1", unique("未核实"), null, null, true);

        assertThat(fixtures().convert("rep1", lead, "{}"))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo(
                        "Only a qualified lead can be converted (willing to buy, able to pay, authority to decide).");
        assertThat(mvc.post()
                        .uri("/leads/" + lead + "/convert")
                        .with(user("rep1"))
                        .with(csrf())
                        .param("decision", "new"))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/leads/" + lead)
                .flash()
                .containsEntry("flashError", "lead.convert.notQualified");
    }
}
