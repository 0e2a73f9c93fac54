package com.kehu.crm.dataio;

import static com.kehu.crm.support.IntegrationTest.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.kehu.crm.customer.CustomerFilter;
import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.customer.CustomerRow;
import com.kehu.crm.customer.CustomerSort;
import com.kehu.crm.customer.CustomerStatus;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The list exports end to end: each list's filters and record rules, formula escaping, .xlsx, the audit row, bad
 * formats and roles.
 */
@IntegrationTest
class ListExportIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CustomerQueries customerQueries;

    @Autowired
    MessageSource messages;

    /**
     * Letters only (digits would make the search phone-like), drawn evenly from a to p: replacing the digits with one
     * letter made "xqkkkkkkkk" likely enough for two tests to share a tag and see each other's customers.
     */
    final String tag = "xq"
            + UUID.randomUUID()
                    .toString()
                    .replace("-", "")
                    .substring(0, 10)
                    .chars()
                    .map(c -> 'a' + Character.digit(c, 16))
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);

    RequestPostProcessor user(String username) {
        return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
    }

    CurrentUser current(String username) {
        return ((CrmUserDetails) users.loadUserByUsername(username)).currentUser();
    }

    static long idOf(MvcTestResult result) {
        return Long.parseLong(result.getResponse().getHeader("Location").replaceAll(".*/", ""));
    }

    long post(String username, String uri, String json) {
        MvcTestResult result = mvc.post()
                .uri(uri)
                .with(httpBasic(username, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return idOf(result);
    }

    long customer(String username, String name) {
        return post(username, "/api/v1/customers", "{\"name\": \"" + name + "\"}");
    }

    List<String> csv(String username, String uri) throws Exception {
        MvcTestResult result = mvc.get().uri(uri).with(user(username)).exchange();
        assertThat(result).hasStatus(HttpStatus.OK);
        assertThat(result.getResponse().getContentType()).startsWith("text/csv");
        assertThat(result.getResponse().getHeader("Content-Disposition"))
                .startsWith("attachment")
                .containsPattern("\\d{4}-\\d{2}-\\d{2}\\.csv");
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).startsWith("\uFEFF");
        return body.substring(1).lines().toList();
    }

    Map<String, Object> lastExport(String actor, String list) {
        return jdbc.sql("""
                        select kind, actor_name, details->>'rows' as rows, details->>'format' as format,
                               details->>'list' as list, details->'filters'->>'q' as q
                        from audit_event where actor_name = :actor and details->>'list' = :list
                        order by id desc limit 1""").param("actor", actor).param("list", list).query().singleRow();
    }

    // --- customers

    @Test
    void customersExportHonoursTheFilterAndTheRecordRuleEscapesFormulasAndIsAudited() throws Exception {
        customer("rep1", "=HYPERLINK(1) " + tag);
        customer("rep1", "Plain " + tag);
        customer("rep3", "Rep3 " + tag);

        List<String> lines = csv("rep1", "/customers/export?format=csv&q=" + tag);
        assertThat(lines.get(0)).contains("Code", "Name", "Status", "Owner");
        assertThat(lines).hasSize(3);
        assertThat(String.join("\n", lines))
                .contains("'=HYPERLINK(1) " + tag, "Plain " + tag)
                .doesNotContain("Rep3 " + tag)
                .doesNotContain(",=HYPERLINK");
        assertThat(lastExport("rep1", "customers"))
                .containsEntry("kind", "EXPORT")
                .containsEntry("rows", "2")
                .containsEntry("format", "CSV")
                .containsEntry("q", tag);

        // the manager of the other team sees rep3's only; an unknown status narrows to nothing, as on the list
        assertThat(csv("manager2", "/customers/export?format=csv&q=" + tag))
                .hasSize(2)
                .anySatisfy(l -> assertThat(l).contains("Rep3 " + tag));
        assertThat(csv("rep1", "/customers/export?format=csv&status=LOST&q=" + tag))
                .hasSize(1);
    }

    @Test
    void listAndExportShareOneWhereBuilder() {
        customer("rep1", "Shared A " + tag);
        customer("rep1", "Shared B " + tag);
        CurrentUser rep1 = current("rep1");
        for (CustomerFilter filter : List.of(
                new CustomerFilter(tag, null, null, null, null, false),
                new CustomerFilter(tag, CustomerStatus.LOST, null, null, null, false),
                new CustomerFilter("Shared A " + tag, null, null, null, null, false),
                new CustomerFilter(tag, null, null, null, null, true))) {
            List<String> listed = customerQueries.list(filter, CustomerSort.NAME, true, 0, 200, rep1).content().stream()
                    .map(CustomerRow::name)
                    .toList();
            List<String> exported = new ArrayList<>();
            customerQueries.stream(filter, CustomerSort.NAME, true, rep1, row -> exported.add(row.name()));
            assertThat(exported).as(filter.toString()).isEqualTo(listed);
        }
    }

    @Test
    void xlsxOpensWithPoiAndApiTwinWorks() throws Exception {
        customer("rep1", "+SUM(A1) " + tag);
        MvcTestResult result = mvc.get()
                .uri("/api/v1/customers/export?format=xlsx&q=" + tag)
                .with(httpBasic("rep1", PASSWORD))
                .exchange();
        assertThat(result).hasStatus(HttpStatus.OK);
        assertThat(result.getResponse().getContentType()).contains("spreadsheetml");
        assertThat(result.getResponse().getHeader("Content-Disposition")).contains(".xlsx");
        try (XSSFWorkbook book =
                new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Code");
            List<String> cells = new ArrayList<>();
            for (Row row : sheet) {
                for (Cell cell : row) {
                    cells.add(cell.toString());
                }
            }
            assertThat(cells).contains("'+SUM(A1) " + tag);
        }
        assertThat(lastExport("rep1", "customers"))
                .containsEntry("format", "XLSX")
                .containsEntry("rows", "1");
    }

    @Test
    void unknownFormatIsABadRequestAndMarketersCannotExportLists() {
        assertThat(mvc.get().uri("/customers/export?format=pdf").with(user("rep1")))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/api/v1/orders/export?format=docx").with(httpBasic("rep1", PASSWORD)))
                .hasStatus(HttpStatus.BAD_REQUEST);
        for (String list : List.of("customers", "contacts", "leads", "opportunities", "orders", "tickets")) {
            assertThat(mvc.get().uri("/" + list + "/export?format=csv").with(user("marketer1")))
                    .as(list)
                    .hasStatus(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void theListPagesOfferCsvAndExcelWithTheCurrentFilter() throws Exception {
        MvcTestResult page = mvc.get()
                .uri("/customers?q=" + tag + "&status=ACTUAL&page=0")
                .with(user("rep1"))
                .exchange();
        assertThat(page).hasStatus(HttpStatus.OK);
        String html = page.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html)
                .contains("/customers/export?q=" + tag + "&amp;status=ACTUAL&amp;format=csv")
                .contains("&amp;format=xlsx");
        for (String list : List.of("contacts", "leads", "opportunities", "orders", "tickets")) {
            String body = mvc.get()
                    .uri("/" + list)
                    .with(user("rep1"))
                    .exchange()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(body).as(list).contains("/" + list + "/export?format=csv", "id=\"export-xlsx\"");
        }
    }

    // --- contacts

    @Test
    void contactsExport() throws Exception {
        long mine = customer("rep1", "Contact Co " + tag);
        long theirs = customer("rep3", "Other Co " + tag);
        post("rep1", "/api/v1/contacts", """
                {"customerId": %d, "name": "-Li %s", "mobile": "139 1234 5678", "responsible": true}""".formatted(mine, tag));
        post("rep3", "/api/v1/contacts", """
                {"customerId": %d, "name": "Zhao %s"}""".formatted(theirs, tag));
        List<String> lines = csv("rep1", "/contacts/export?format=csv&q=" + tag);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("'-Li " + tag).contains("Contact Co " + tag, "Yes");
        assertThat(lastExport("rep1", "contacts")).containsEntry("rows", "1").containsEntry("kind", "EXPORT");
    }

    // --- leads

    @Test
    void leadsExport() throws Exception {
        post("rep1", "/api/v1/leads", """
                {"companyName": "@Lead %s", "contactName": "王经理", "source": "EXHIBITION", "keepForMyself": true}""".formatted(tag));
        post("rep3", "/api/v1/leads", """
                {"companyName": "Rep3 Lead %s", "contactName": "李经理", "source": "EXHIBITION", "keepForMyself": true}""".formatted(tag));
        List<String> lines = csv("rep1", "/leads/export?format=csv&view=MINE&q=" + tag);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("'@Lead " + tag).contains("Exhibition");
        assertThat(csv("rep1", "/leads/export?format=csv&view=MINE&status=CONVERTED&q=" + tag))
                .hasSize(1);
        assertThat(lastExport("rep1", "leads")).containsEntry("rows", "0");

        // headers and enum labels in the user's language
        String zh = mvc.get()
                .uri("/leads/export?format=csv&view=MINE&q=" + tag)
                .with(user("rep1"))
                .header("Accept-Language", "zh-CN")
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(zh)
                .contains(messages.getMessage("lead.companyName", null, Locale.SIMPLIFIED_CHINESE))
                .contains(messages.getMessage("LeadSource.EXHIBITION", null, Locale.SIMPLIFIED_CHINESE))
                .doesNotContain("Exhibition");
    }

    // --- opportunities

    @Test
    void opportunitiesExport() throws Exception {
        long mine = customer("rep1", "Opp Co " + tag);
        long theirs = customer("rep3", "Opp Other " + tag);
        String body = """
                {"customerId": %d, "name": "%s", "amount": 1234.50, "expectedCloseDate": "2026-12-31",
                 "type": "NEW_BUSINESS", "probability": 20}""";
        post("rep1", "/api/v1/opportunities", body.formatted(mine, "=Deal " + tag));
        post("rep3", "/api/v1/opportunities", body.formatted(theirs, "Rep3 Deal " + tag));
        List<String> lines = csv("rep1", "/opportunities/export?format=csv&q=" + tag);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("'=Deal " + tag).contains("1234.5", "2026-12-31", "Opp Co " + tag);
        assertThat(lastExport("rep1", "opportunities")).containsEntry("rows", "1");
    }

    // --- orders

    @Test
    void ordersExportHasNoCostOrMarginColumnsForAnyRole() throws Exception {
        long mine = customer("rep1", "=Order Co " + tag);
        long theirs = customer("rep3", "Order Other " + tag);
        long product = post("manager", "/api/v1/products", """
                {"code": "e-%s", "name": "数控机床", "unit": "台", "listPrice": 100, "unitCost": 60,
                 "currency": "CNY"}""".formatted(tag));
        String order = """
                {"customerId": %d, "orderDate": "2026-11-23", "currency": "CNY", "totalAmount": 1,
                 "lines": [{"productId": %d, "quantity": 3}]}""";
        post("rep1", "/api/v1/orders", order.formatted(mine, product));
        post("rep3", "/api/v1/orders", order.formatted(theirs, product));
        List<String> lines = csv("rep1", "/orders/export?format=csv&q=" + tag);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("'=Order Co " + tag, "2026-11-23", "300");
        for (String role : List.of("rep1", "agent1", "manager", "admin")) {
            assertThat(csv(role, "/orders/export?format=csv&q=" + tag).get(0))
                    .as(role)
                    .isEqualTo("Order number,Customer,Order date,Status,Currency,Total,Paid,Outstanding");
        }
        assertThat(csv("agent1", "/orders/export?format=csv&q=" + tag)).hasSize(3);
        assertThat(lastExport("agent1", "orders")).containsEntry("rows", "2");
    }

    // --- tickets

    @Test
    void ticketsExport() throws Exception {
        long category = jdbc.sql("select id from ticket_category where code = 'PRODUCT_QUALITY'")
                .query(Long.class)
                .single();
        long mine = customer("rep1", "Ticket Co " + tag);
        long theirs = customer("rep3", "Ticket Other " + tag);
        String ticket = """
                {"customerId": %d, "type": "COMPLAINT", "categoryId": %d, "subject": "%s", "channel": "PHONE"}""";
        post("rep1", "/api/v1/tickets", ticket.formatted(mine, category, "-Noise " + tag));
        post("rep3", "/api/v1/tickets", ticket.formatted(theirs, category, "Rep3 noise " + tag));
        List<String> lines = csv("rep1", "/tickets/export?format=csv&customerId=" + mine);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("'-Noise " + tag, "Ticket Co " + tag);
        assertThat(csv("rep1", "/tickets/export?format=csv&customerId=" + theirs))
                .hasSize(1);
        assertThat(csv("agent1", "/tickets/export?format=csv&view=ALL&customerId=" + theirs))
                .hasSize(2)
                .anySatisfy(l -> assertThat(l).contains("Rep3 noise " + tag));
        assertThat(lastExport("agent1", "tickets")).containsEntry("rows", "1").containsEntry("format", "CSV");
        MvcTestResult api = mvc.get()
                .uri("/api/v1/tickets/export?format=csv&customerId=" + theirs)
                .with(httpBasic("agent1", PASSWORD))
                .exchange();
        assertThat(api).hasStatus(HttpStatus.OK);
        assertThat(api.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Rep3 noise " + tag);
    }
}
