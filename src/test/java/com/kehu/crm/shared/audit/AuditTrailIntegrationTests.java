package com.kehu.crm.shared.audit;

import static com.kehu.crm.support.IntegrationTest.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.kehu.crm.customer.CustomerService;
import com.kehu.crm.customer.RetentionFlag;
import com.kehu.crm.identity.CreateUser;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.Role;
import com.kehu.crm.identity.UpdateUser;
import com.kehu.crm.identity.UserQueries;
import com.kehu.crm.identity.UserService;
import com.kehu.crm.support.IntegrationTest;
import com.kehu.crm.support.StatementCounter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit trail end to end: field history of each audited record, its access rule, the admin log and sign-ins. */
@IntegrationTest
@Import(StatementCounter.Config.class)
class AuditTrailIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    UserQueries userQueries;

    @Autowired
    UserService userService;

    @Autowired
    CustomerService customerService;

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    RequestPostProcessor user(String username) {
        return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
    }

    CurrentUser current(String username) {
        return ((CrmUserDetails) users.loadUserByUsername(username)).currentUser();
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static long idOf(MvcTestResult result) {
        return Long.parseLong(result.getResponse().getHeader("Location").replaceAll(".*/", ""));
    }

    MvcTestResult send(String method, String username, String uri, String json) {
        var request = switch (method) {
            case "PUT" -> mvc.put();
            default -> mvc.post();
        };
        return request.uri(uri)
                .with(httpBasic(username, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    long created(String username, String uri, String json) {
        MvcTestResult result = send("POST", username, uri, json);
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return idOf(result);
    }

    long customerOf(String username) {
        return created(username, "/api/v1/customers", "{\"name\": \"审计测试 " + unique() + "\"}");
    }

    List<Map<String, Object>> changes(String type, long id) {
        return jdbc.sql("""
                        select field, old_value, new_value, changed_by from audit_change
                        where entity_type = :type and entity_id = :id order by id""").param("type", type).param("id", id).query().listOfRows();
    }

    long events(String kind, String where, Object param) {
        return jdbc.sql("select count(*) from audit_event where kind = :kind and " + where)
                .param("kind", kind)
                .param("p", param)
                .query(Long.class)
                .single();
    }

    /** The API and the screen show the record's history to its readers; anyone else gets 404. */
    void historyShown(String path, long id, String reader, String outsider, String field, String newValue) {
        MvcTestResult api = mvc.get()
                .uri("/api/v1/" + path + "/" + id + "/history")
                .with(httpBasic(reader, PASSWORD))
                .exchange();
        assertThat(api).hasStatusOk();
        assertThat(api)
                .bodyJson()
                .extractingPath("$.content[?(@.field == '" + field + "')].newValue")
                .asArray()
                .contains(newValue);
        assertThat(api).bodyJson().extractingPath("$.content[0].changedBy.name").isNotNull();
        assertThat(mvc.get().uri("/" + path + "/" + id + "/history").with(user(reader)))
                .hasStatusOk()
                .bodyText()
                .contains("record-history");
        assertThat(mvc.get().uri("/api/v1/" + path + "/" + id + "/history").with(httpBasic(outsider, PASSWORD)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/" + path + "/" + id + "/history").with(user(outsider)))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void customerChangesAreRecordedFieldByFieldAndShownToReadersOnly() {
        long id = customerOf("rep1");
        assertThat(send("PUT", "rep1", "/api/v1/customers/" + id + "/retention-flag", "{\"flag\": \"BAD_CREDIT\"}"))
                .hasStatusOk();
        assertThat(mvc.delete().uri("/api/v1/customers/" + id).with(httpBasic("rep1", PASSWORD)))
                .hasStatus(HttpStatus.NO_CONTENT);

        List<Map<String, Object>> rows = changes("CUSTOMER", id);
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("field")).isEqualTo("retentionFlag");
            assertThat(r.get("old_value")).isNull();
            assertThat(r.get("new_value")).isEqualTo("BAD_CREDIT");
            assertThat(r.get("changed_by")).isEqualTo(current("rep1").id());
        });
        assertThat(rows).anySatisfy(r -> assertThat(r.get("field")).isEqualTo("archived"));
        // creation: one row per filled field, the owner shown by name
        assertThat(rows).anySatisfy(r -> assertThat(r.get("field")).isEqualTo("name"));
        historyShown("customers", id, "rep1", "rep3", "retentionFlag", "BAD_CREDIT");
        assertThat(mvc.get().uri("/customers/" + id + "/history").with(user("manager")))
                .hasStatusOk()
                .bodyText()
                .contains("Retention flag");
    }

    @Test
    void contactEditsAndDeletionsAreRecorded() {
        long customer = customerOf("rep1");
        long contact = created(
                "rep1", "/api/v1/contacts", "{\"customerId\": " + customer + ", \"name\": \"王采购\", \"title\": \"经理\"}");
        assertThat(send("PUT", "rep1", "/api/v1/contacts/" + contact, "{\"name\": \"王总\", \"version\": 0}"))
                .hasStatusOk();
        assertThat(changes("CONTACT", contact)).anySatisfy(r -> {
            assertThat(r.get("field")).isEqualTo("name");
            assertThat(r.get("old_value")).isEqualTo("王采购");
            assertThat(r.get("new_value")).isEqualTo("王总");
        });
        assertThat(changes("CONTACT", contact)).anySatisfy(r -> {
            assertThat(r.get("field")).isEqualTo("title");
            assertThat(r.get("new_value")).isNull();
        });
        historyShown("contacts", contact, "rep1", "rep2", "name", "王总");

        assertThat(mvc.delete().uri("/api/v1/contacts/" + contact).with(httpBasic("rep1", PASSWORD)))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(events("DELETE", "entity_type = 'CONTACT' and entity_id = :p", contact))
                .isEqualTo(1);
    }

    @Test
    void opportunityStageMovesProbabilityAndDeletionAreRecorded() {
        long customer = customerOf("rep1");
        long deal = created("rep1", "/api/v1/opportunities", """
                {"customerId": %d, "name": "审计商机 %s", "amount": 1000, "expectedCloseDate": "2027-01-31",
                 "type": "NEW_BUSINESS"}""".formatted(customer, unique()));
        assertThat(send("POST", "rep1", "/api/v1/opportunities/" + deal + "/stage", "{\"stage\": \"QUALIFICATION\"}"))
                .hasStatusOk();
        assertThat(changes("OPPORTUNITY", deal)).anySatisfy(r -> {
            assertThat(r.get("field")).isEqualTo("stage");
            assertThat(r.get("old_value")).isEqualTo("PROSPECTING");
            assertThat(r.get("new_value")).isEqualTo("QUALIFICATION");
        });
        assertThat(changes("OPPORTUNITY", deal))
                .anySatisfy(r -> assertThat(r.get("field")).isEqualTo("probability"));
        historyShown("opportunities", deal, "manager", "rep2", "stage", "QUALIFICATION");

        assertThat(mvc.delete().uri("/api/v1/opportunities/" + deal).with(httpBasic("rep1", PASSWORD)))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(events("DELETE", "entity_type = 'OPPORTUNITY' and entity_id = :p", deal))
                .isEqualTo(1);
    }

    @Test
    void orderStatusAndPaymentsAreRecorded() {
        long customer = customerOf("rep1");
        long product = created("manager", "/api/v1/products", """
                {"code": "a-%s", "name": "审计产品", "unit": "台", "listPrice": 100, "unitCost": 60,
                 "currency": "CNY"}""".formatted(unique()));
        long order = created("rep1", "/api/v1/orders", """
                {"customerId": %d, "orderDate": "2026-11-23", "currency": "CNY",
                 "lines": [{"productId": %d, "quantity": 3}]}""".formatted(customer, product));
        assertThat(send("POST", "rep1", "/api/v1/orders/" + order + "/status", "{\"status\": \"CONFIRMED\"}"))
                .hasStatusOk();
        List<Map<String, Object>> rows = changes("ORDER", order);
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("field")).isEqualTo("status");
            assertThat(r.get("old_value")).isEqualTo("DRAFT");
            assertThat(r.get("new_value")).isEqualTo("CONFIRMED");
        });
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("field")).isEqualTo("lines");
            assertThat((String) r.get("new_value")).contains("3 × 100");
        });
        historyShown("orders", order, "rep1", "rep3", "status", "CONFIRMED");
    }

    @Test
    void ticketAssignmentShowsTheAssigneeByName() {
        long customer = customerOf("rep1");
        long category = jdbc.sql("select id from ticket_category where code = 'PRODUCT_QUALITY'")
                .query(Long.class)
                .single();
        long ticket = created("rep1", "/api/v1/tickets", """
                {"customerId": %d, "type": "COMPLAINT", "categoryId": %d, "subject": "审计工单",
                 "channel": "PHONE"}""".formatted(customer, category));
        assertThat(send("POST", "agent1", "/api/v1/tickets/" + ticket + "/assign", "{}"))
                .hasStatusOk();
        String agentName = userQueries
                .displayNames(List.of(current("agent1").id()))
                .get(current("agent1").id());
        assertThat(changes("TICKET", ticket)).anySatisfy(r -> {
            assertThat(r.get("field")).isEqualTo("assignee");
            assertThat(r.get("new_value"))
                    .isEqualTo(String.valueOf(current("agent1").id()));
        });
        historyShown("tickets", ticket, "agent1", "rep3", "assignee", agentName);
        // the category is stored as its id and shown by name, in the reader's language
        String categoryEn = jdbc.sql("select name_en from ticket_category where id = :id")
                .param("id", category)
                .query(String.class)
                .single();
        assertThat(mvc.get().uri("/tickets/" + ticket + "/history").with(user("agent1")))
                .hasStatusOk()
                .bodyText()
                .contains(categoryEn)
                .doesNotContain(">" + category + "<");
    }

    @Test
    void aChangeThatRollsBackLeavesNoHistoryAndOneThatCommitsDoes() {
        long id = customerOf("rep1");
        int before = changes("CUSTOMER", id).size();
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
                    customerService.flagRetention(id, RetentionFlag.BAD_CREDIT, current("rep1"));
                    throw new IllegalStateException("the rest of the change failed");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(changes("CUSTOMER", id)).hasSize(before);

        customerService.flagRetention(id, RetentionFlag.BAD_CREDIT, current("rep1"));
        assertThat(changes("CUSTOMER", id)).hasSize(before + 1);
        // without a transaction there is no history to write
        assertThatThrownBy(
                        () -> auditLog.changes(AuditedType.CUSTOMER, id, null, List.of(new FieldChange("x", "a", "b"))))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
    }

    @Test
    void signInsAreLoggedButApiCallsAreNot() {
        String username = "audit-" + unique();
        userService.create(new CreateUser(username, "审计用户", Role.SALES_REP, null, null, "a long private phrase"));
        assertThat(mvc.perform(formLogin().user(username).password("a long private phrase")))
                .hasRedirectedUrl("/");
        assertThat(events("LOGIN_SUCCESS", "actor_name = :p", username)).isEqualTo(1);
        assertThat(mvc.get().uri("/api/v1/customers").with(httpBasic(username, "a long private phrase")))
                .hasStatusOk();
        assertThat(events("LOGIN_SUCCESS", "actor_name = :p", username)).isEqualTo(1);

        assertThat(mvc.perform(formLogin().user(username).password("wrong"))).hasRedirectedUrl("/login?error");
        assertThat(mvc.get().uri("/api/v1/customers").with(httpBasic(username, "wrong too")))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(events("LOGIN_FAILURE", "actor_name = :p", username)).isEqualTo(2);
    }

    @Test
    void roleChangesAndDisablingAreLoggedAndTheLogIsForAdminsOnly() {
        String username = "role-" + unique();
        long id =
                userService.create(new CreateUser(username, "换岗", Role.SALES_REP, null, null, "a long private phrase"));
        CurrentUser admin = current("admin");
        userService.update(
                id, new UpdateUser(userQueries.details(id).version(), "换岗", Role.SUPPORT_AGENT, null, null), admin);
        userService.disable(id, admin);
        assertThat(events("ROLE_CHANGE", "entity_type = 'USER' and entity_id = :p", id))
                .isEqualTo(1);
        assertThat(events("USER_CHANGE", "entity_type = 'USER' and entity_id = :p", id))
                .isEqualTo(1);

        assertThat(mvc.get()
                        .uri("/admin/audit?kind=ROLE_CHANGE&entityType=USER&entityId=" + id)
                        .with(user("admin")))
                .hasStatusOk()
                .bodyText()
                .contains("SALES_REP → SUPPORT_AGENT", "Role change");
        MvcTestResult api = mvc.get()
                .uri("/api/v1/audit?kind=USER_CHANGE&actorId=" + admin.id() + "&entityType=USER&entityId=" + id)
                .with(httpBasic("admin", PASSWORD))
                .exchange();
        assertThat(api).hasStatusOk();
        assertThat(api).bodyJson().extractingPath("$.content.length()").isEqualTo(1);
        assertThat(api)
                .bodyJson()
                .extractingPath("$.content[0].details.enabled")
                .isEqualTo(false);
        assertThat(mvc.get()
                        .uri("/api/v1/audit?kind=USER_CHANGE&from=2000-01-01&to=2000-01-02&entityId=" + id)
                        .with(httpBasic("admin", PASSWORD)))
                .bodyJson()
                .extractingPath("$.content.length()")
                .isEqualTo(0);

        assertThat(mvc.get().uri("/admin/audit").with(user("manager"))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/audit").with(httpBasic("manager", PASSWORD)))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void theHistoryPageAndTheAuditLogCostTheSameStatementsHoweverManyRowsTheyShow() {
        long id = customerOf("rep1");
        CurrentUser rep = current("rep1");
        CurrentUser manager = current("manager");
        // more than a page (50) in both cases, so both pages count their total
        for (int i = 0; i < 60; i++) {
            customerService.flagRetention(id, i % 2 == 0 ? RetentionFlag.BAD_CREDIT : null, i % 3 == 0 ? manager : rep);
        }
        int few = historyStatements(id);
        for (int i = 0; i < 60; i++) {
            customerService.flagRetention(id, i % 2 == 0 ? null : RetentionFlag.BAD_CREDIT, i % 3 == 0 ? rep : manager);
        }
        assertThat(historyStatements(id)).isEqualTo(few);

        long record = 900_000_000L + (long) (Math.random() * 1_000_000);
        for (int i = 0; i < 60; i++) {
            tx.executeWithoutResult(s -> auditLog.record(AuditEvent.of(AuditEventKind.EXPORT, null, "u" + unique(), "x")
                    .about("CUSTOMER", record)));
        }
        int logFew = logStatements(record);
        for (int i = 0; i < 60; i++) {
            tx.executeWithoutResult(s -> auditLog.record(AuditEvent.of(AuditEventKind.EXPORT, null, "u" + unique(), "x")
                    .about("CUSTOMER", record)));
        }
        assertThat(logStatements(record)).isEqualTo(logFew);
    }

    int historyStatements(long id) {
        StatementCounter.reset();
        assertThat(mvc.get().uri("/customers/" + id + "/history").with(user("manager")))
                .hasStatusOk();
        return StatementCounter.count();
    }

    int logStatements(long record) {
        StatementCounter.reset();
        assertThat(mvc.get()
                        .uri("/admin/audit?entityType=CUSTOMER&entityId=" + record)
                        .with(user("admin")))
                .hasStatusOk();
        return StatementCounter.count();
    }
}
