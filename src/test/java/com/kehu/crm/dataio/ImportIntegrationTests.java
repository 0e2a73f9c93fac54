package com.kehu.crm.dataio;

import static com.kehu.crm.support.IntegrationTest.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.kehu.crm.support.IntegrationTest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Customer imports through the API: encodings, bad rows, duplicates, progress, the errors file and undo. */
@IntegrationTest
class ImportIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    static String phone() {
        return "1" + (3_000_000_000L + ThreadLocalRandom.current().nextLong(6_999_999_999L));
    }

    MvcTestResult upload(byte[] file, String user, String... params) {
        var request = mvc.post()
                .uri("/api/v1/imports")
                .multipart()
                .file(new MockMultipartFile("file", "customers.csv", "text/csv", file))
                .with(httpBasic(user, PASSWORD));
        if (!java.util.Arrays.asList(params).contains("type")) {
            request = request.param("type", "CUSTOMERS");
        }
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return request.exchange();
    }

    /** Starts an import as the manager and waits until it is no longer queued or running. */
    JsonNode importAndWait(byte[] file, String... params) throws Exception {
        MvcTestResult started = upload(file, "manager", params);
        assertThat(started).hasStatus(HttpStatus.ACCEPTED);
        JsonNode body = JSON.readTree(started.getResponse().getContentAsString());
        assertThat(body.get("status").asString()).isEqualTo("QUEUED");
        long id = body.get("id").asLong();
        return org.awaitility.Awaitility.await("import " + id + " finishes")
                .atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> progressOf(id), progress -> {
                    String state = progress.get("status").asString();
                    return !state.equals("QUEUED") && !state.equals("RUNNING");
                });
    }

    JsonNode progressOf(long id) throws Exception {
        MvcTestResult status = mvc.get()
                .uri("/api/v1/imports/" + id)
                .with(httpBasic("manager", PASSWORD))
                .exchange();
        assertThat(status).hasStatusOk();
        return JSON.readTree(status.getResponse().getContentAsString());
    }

    Map<String, Object> customerByCode(String code) {
        return jdbc.sql("select * from customer where code = :c")
                .param("c", code)
                .query()
                .singleRow();
    }

    long userId(String username) {
        return jdbc.sql("select id from app_user where username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }

    long existing(String code, String name, String phone) {
        long id = jdbc.sql("select nextval('customer_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into customer (id, code, kind, name, phone, phone_digits, region, relation_category,
                                              importance, status, owner_id)
                        values (:id, :code, 'ENTERPRISE', :name, :phone, :phone, 'NORTH', 'B2B', 'ORDINARY',
                                'POTENTIAL', :owner)""")
                .param("id", id)
                .param("code", code)
                .param("name", name)
                .param("phone", phone)
                .param("owner", userId("manager"))
                .update();
        return id;
    }

    String errors(long id, String language) throws Exception {
        MvcTestResult result = mvc.get()
                .uri("/api/v1/imports/" + id + "/errors")
                .header("Accept-Language", language)
                .with(httpBasic("manager", PASSWORD))
                .exchange();
        assertThat(result).hasStatusOk();
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void utf8WithBomAndChineseHeadersImports() throws Exception {
        String code = "I" + unique();
        String phone = phone();
        String csv = "\uFEFF客户编号,客户名称,电话,邮箱,地区,行业,类型,重要程度,负责人,标签\r\n"
                + code + ",\"上海星辰贸易有限公司, 第一分公司\"," + phone + "," + code + "@example.com,华东,RETAIL,"
                + "ENTERPRISE,VIP,rep1,展会;老客户\r\n";
        JsonNode done = importAndWait(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("encoding").asString()).isEqualTo("UTF-8");
        assertThat(done.get("inserted").asInt()).isEqualTo(1);
        assertThat(done.get("percent").asInt()).isEqualTo(100);
        assertThat(done.get("total").asInt()).isEqualTo(1);
        Map<String, Object> customer = customerByCode(code);
        assertThat(customer.get("name")).isEqualTo("上海星辰贸易有限公司, 第一分公司");
        assertThat(customer.get("region")).isEqualTo("EAST");
        assertThat(customer.get("industry")).isEqualTo("RETAIL");
        assertThat(customer.get("importance")).isEqualTo("VIP");
        assertThat(customer.get("phone_digits")).isEqualTo(phone);
        assertThat(customer.get("owner_id")).isEqualTo(userId("rep1"));
        assertThat(jdbc.sql("select count(*) from customer_status_change where customer_id = :id")
                        .param("id", customer.get("id"))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void gbkFileIsDetectedAndOwnersOutsideTheTeamFallBackToTheImporter() throws Exception {
        String code = "G" + unique();
        String csv = "客户编号,客户名称,地区,负责人\n" + code + ",北京长城机械厂,华北,rep3\n";
        JsonNode done = importAndWait(csv.getBytes(Charset.forName("GB18030")));
        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("encoding").asString()).isEqualTo("GB18030");
        Map<String, Object> customer = customerByCode(code);
        assertThat(customer.get("name")).isEqualTo("北京长城机械厂");
        assertThat(customer.get("region")).isEqualTo("NORTH");
        assertThat(customer.get("owner_id")).isEqualTo(userId("manager"));
    }

    @Test
    void badRowsFailWithLineAndReasonWhileGoodRowsGoIn() throws Exception {
        String good = "B" + unique();
        String csv = "code,name,email,region\n"
                + good + ",Good Co," + good + "@example.com,EAST\n"
                + "B" + unique() + ",Too,Many,Columns,Here\n"
                + "B" + unique() + ",,x@example.com,EAST\n"
                + "B" + unique() + ",Mars Co,,MARS\n"
                + "B" + unique() + ",Mail Co,not-an-email,\n"
                + good + ",Good Co again,,\n";
        JsonNode done = importAndWait(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("inserted").asInt()).isEqualTo(1);
        assertThat(done.get("failed").asInt()).isEqualTo(5);
        assertThat(customerByCode(good).get("name")).isEqualTo("Good Co");
        long id = done.get("id").asLong();
        String english = errors(id, "en");
        assertThat(english.lines().toList()).hasSize(6).first().isEqualTo("\uFEFFLine,Reason,code,name,email,region");
        assertThat(english)
                .contains("3,Wrong number of columns (the header has 4).")
                .contains("4,The customer name is missing.")
                .contains("5,Unknown value for region.,")
                .contains("MARS")
                .contains("6,Not a valid e-mail address.")
                .contains("7,Same customer as line 2 of the file.");
        assertThat(errors(id, "zh-CN")).contains("行号,原因").contains("4,缺少客户名称。");
    }

    @Test
    void onDuplicateSkipUpdateOrCreate() throws Exception {
        String code = "D" + unique();
        String phone = phone();
        existing(code, "Old Name", phone);
        byte[] csv = ("code,name,industry\n" + code + ",New Name,IT\n").getBytes(StandardCharsets.UTF_8);

        JsonNode skipped = importAndWait(csv, "onDuplicate", "SKIP");
        assertThat(skipped.get("skipped").asInt()).isEqualTo(1);
        assertThat(customerByCode(code).get("name")).isEqualTo("Old Name");

        JsonNode updated = importAndWait(csv, "onDuplicate", "UPDATE");
        assertThat(updated.get("updated").asInt()).isEqualTo(1);
        assertThat(customerByCode(code).get("name")).isEqualTo("New Name");
        assertThat(customerByCode(code).get("industry")).isEqualTo("IT");
        assertThat(customerByCode(code).get("phone")).isEqualTo(phone);

        // a match by phone when the file has no code
        byte[] byPhone = ("name,电话\nPhone Name," + phone + "\n").getBytes(StandardCharsets.UTF_8);
        assertThat(importAndWait(byPhone, "onDuplicate", "UPDATE")
                        .get("updated")
                        .asInt())
                .isEqualTo(1);
        assertThat(customerByCode(code).get("name")).isEqualTo("Phone Name");

        JsonNode created = importAndWait(csv, "onDuplicate", "CREATE");
        assertThat(created.get("inserted").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from customer where name = 'New Name' and industry = 'IT'"
                                + " and (code = :c or id in (select customer_id from import_row where import_id = :i))")
                        .param("c", code)
                        .param("i", created.get("id").asLong())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(customerByCode(code).get("name")).isEqualTo("Phone Name");
    }

    @Test
    void undoRemovesInsertedAndRestoresUpdated() throws Exception {
        String old = "U" + unique();
        String fresh = "U" + unique();
        long existingId = existing(old, "Before", phone());
        byte[] csv = ("code,name\n" + old + ",After\n" + fresh + ",Brand New\n").getBytes(StandardCharsets.UTF_8);
        JsonNode done = importAndWait(csv, "onDuplicate", "UPDATE");
        assertThat(done.get("inserted").asInt()).isEqualTo(1);
        assertThat(done.get("updated").asInt()).isEqualTo(1);
        long id = done.get("id").asLong();

        assertThat(mvc.delete().uri("/api/v1/imports/" + id).with(httpBasic("manager", PASSWORD)))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(jdbc.sql("select count(*) from customer where code = :c")
                        .param("c", fresh)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(customerByCode(old).get("name")).isEqualTo("Before");
        assertThat(customerByCode(old).get("id")).isEqualTo(existingId);
        assertThat(jdbc.sql("select status from import_job where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("UNDONE");
        assertThat(jdbc.sql("select count(*) from audit_event where kind in ('IMPORT', 'IMPORT_UNDO')"
                                + " and (details ->> 'importId')::bigint = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void undoIsRefusedAfterALaterEdit() throws Exception {
        String code = "R" + unique();
        JsonNode done = importAndWait(("code,name\n" + code + ",Edited Later\n").getBytes(StandardCharsets.UTF_8));
        long id = done.get("id").asLong();
        jdbc.sql("update customer set name = 'Edited', version = version + 1 where code = :c")
                .param("c", code)
                .update();
        MvcTestResult refused = mvc.delete()
                .uri("/api/v1/imports/" + id)
                .with(httpBasic("manager", PASSWORD))
                .exchange();
        assertThat(refused).hasStatus(HttpStatus.CONFLICT);
        assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains(code);
        assertThat(customerByCode(code).get("name")).isEqualTo("Edited");
    }

    @Test
    void undoIsRefusedWhenAnInsertedCustomerGotAContact() throws Exception {
        String code = "K" + unique();
        JsonNode done = importAndWait(("code,name\n" + code + ",Has Contact\n").getBytes(StandardCharsets.UTF_8));
        long customer = (Long) customerByCode(code).get("id");
        jdbc.sql("insert into contact (id, customer_id, name) values (nextval('contact_seq'), :c, '联系人')")
                .param("c", customer)
                .update();
        MvcTestResult refused = mvc.delete()
                .uri("/api/v1/imports/" + done.get("id").asLong())
                .with(httpBasic("manager", PASSWORD))
                .exchange();
        assertThat(refused).hasStatus(HttpStatus.CONFLICT);
        assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains(code)
                .contains("contact");
        assertThat(customerByCode(code)).isNotNull();
    }

    @Test
    void anotherManagerCannotSeeTheImport() throws Exception {
        JsonNode done = importAndWait(("name\nSeen By Me\n").getBytes(StandardCharsets.UTF_8));
        assertThat(mvc.get().uri("/api/v1/imports/" + done.get("id").asLong()).with(httpBasic("manager2", PASSWORD)))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    int completedOrders(long customer) {
        return jdbc.sql("select completed_orders from customer where id = :id")
                .param("id", customer)
                .query(Integer.class)
                .single();
    }

    @Test
    void ordersInThreeDateFormatsGoInUnknownCustomersFailAndCountsAreSynced() throws Exception {
        String code = "O" + unique();
        long customer = existing(code, "Buyer", phone());
        String unknown = "X" + unique();
        String csv = "customer_code,order_date,amount\n"
                + code + ",2026-03-05,100\n"
                + code + ",2026/3/7,200.50\n"
                + code + ",20260309,50\n"
                + code + ",2026-02-30,10\n"
                + unknown + ",2026-03-05,10\n"
                + code + ",2026-03-05,abc\n";
        JsonNode done = importAndWait(csv.getBytes(StandardCharsets.UTF_8), "type", "ORDERS");
        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("inserted").asInt()).isEqualTo(3);
        assertThat(done.get("failed").asInt()).isEqualTo(3);
        assertThat(jdbc.sql("select order_date::text || ' ' || status || ' ' || total_amount from sales_order"
                                + " where customer_id = :c order by order_date")
                        .param("c", customer)
                        .query(String.class)
                        .list())
                .containsExactly(
                        "2026-03-05 COMPLETED 100.00", "2026-03-07 COMPLETED 200.50", "2026-03-09 COMPLETED 50.00");
        assertThat(completedOrders(customer)).isEqualTo(3);
        assertThat(customerByCode(code).get("status")).isEqualTo("ACTUAL");
        assertThat(jdbc.sql("select count(*) from customer_purchase where customer_id = :c")
                        .param("c", customer)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(errors(done.get("id").asLong(), "en"))
                .contains("5,\"Not a date")
                .contains("6,No customer with this code.")
                .contains("7,\"Not an amount");
        assertThat(jdbc.sql("select count(*) from customer where code = :c")
                        .param("c", unknown)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(mvc.delete()
                        .uri("/api/v1/imports/" + done.get("id").asLong())
                        .with(httpBasic("manager", PASSWORD)))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(jdbc.sql("select count(*) from sales_order where customer_id = :c")
                        .param("c", customer)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(completedOrders(customer)).isZero();
        assertThat(jdbc.sql("select count(*) from customer_purchase where customer_id = :c")
                        .param("c", customer)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void ordersCanCreateMissingCustomers() throws Exception {
        String unknown = "N" + unique();
        String csv =
                "客户编号,客户名称,订单日期,金额,订单状态\n" + unknown + ",新客户,2026/3/1,88,已完成\n" + unknown + ",新客户,2026/3/2,12,DRAFT\n";
        JsonNode done = importAndWait(
                csv.getBytes(Charset.forName("GB18030")), "type", "ORDERS", "createMissingCustomers", "true");
        assertThat(done.get("inserted").asInt()).isEqualTo(2);
        Map<String, Object> created = customerByCode(unknown);
        assertThat(created.get("name")).isEqualTo("新客户");
        assertThat(created.get("owner_id")).isEqualTo(userId("manager"));
        assertThat(completedOrders((Long) created.get("id"))).isEqualTo(1);
    }

    @Test
    void aMappingNamesHeadersThatAreNotFields() throws Exception {
        String code = "P" + unique();
        String csv = "Kundennummer,Firma,Ignored\n" + code + ",Mapped GmbH,whatever\n";
        JsonNode done = importAndWait(
                csv.getBytes(StandardCharsets.UTF_8),
                "mapping",
                "{\"Kundennummer\": \"code\", \"Firma\": \"name\"}",
                "encoding",
                "UTF-8");
        assertThat(done.get("inserted").asInt()).isEqualTo(1);
        assertThat(customerByCode(code).get("name")).isEqualTo("Mapped GmbH");
        assertThat(upload("name\nX\n".getBytes(StandardCharsets.UTF_8), "manager", "mapping", "[1, 2]"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(upload("name\nX\n".getBytes(StandardCharsets.UTF_8), "manager", "encoding", "NO-SUCH-CHARSET"))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void repsCannotImport() {
        assertThat(upload("name\nX\n".getBytes(StandardCharsets.UTF_8), "rep1")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/imports/1").with(httpBasic("rep1", PASSWORD)))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void allOrNothingImportsNothingWhenARowFails() throws Exception {
        String good = "Q" + unique();
        String csv =
                "code,name,email\n" + good + ",Good Co,ok@example.com\n" + "Q" + unique() + ",Bad Co,not-an-email\n";
        JsonNode done = importAndWait(csv.getBytes(StandardCharsets.UTF_8), "allOrNothing", "true");
        assertThat(done.get("status").asString()).isEqualTo("FAILED");
        assertThat(done.get("failure").asString()).isEqualTo("import.failure.rejected");
        assertThat(done.get("failed").asInt()).isEqualTo(1);
        assertThat(done.get("inserted").asInt()).isZero();
        assertThat(jdbc.sql("select count(*) from customer where code = :c")
                        .param("c", good)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(errors(done.get("id").asLong(), "zh-CN")).contains("3,邮箱格式不正确。");

        String fine = "Q" + unique();
        JsonNode clean = importAndWait(
                ("code,name\n" + fine + ",Fine Co\n").getBytes(StandardCharsets.UTF_8), "allOrNothing", "true");
        assertThat(clean.get("status").asString()).isEqualTo("DONE");
        assertThat(customerByCode(fine).get("name")).isEqualTo("Fine Co");
    }
}
