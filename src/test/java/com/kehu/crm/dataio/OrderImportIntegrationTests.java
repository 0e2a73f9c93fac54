package com.kehu.crm.dataio;

import static com.kehu.crm.support.IntegrationTest.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.kehu.crm.support.IntegrationTest;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Order imports with lines (rows grouped into orders, a bad line fails its order), order numbers (repeated in the
 * file, existing already) and undo (allowed, and refused after an edit or a payment).
 */
@IntegrationTest
class OrderImportIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
    }

    JsonNode importOrders(String csv, Charset charset, String... params) throws Exception {
        var request = mvc.post()
                .uri("/api/v1/imports")
                .multipart()
                .file(new MockMultipartFile("file", "orders.csv", "text/csv", csv.getBytes(charset)))
                .param("type", "ORDERS")
                .with(httpBasic("manager", PASSWORD));
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        MvcTestResult started = request.exchange();
        assertThat(started).hasStatus(HttpStatus.ACCEPTED);
        long id = JSON.readTree(started.getResponse().getContentAsString())
                .get("id")
                .asLong();
        return Awaitility.await("import " + id + " finishes")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> progress(id),
                        p -> !List.of("QUEUED", "RUNNING")
                                .contains(p.get("status").asString()));
    }

    JsonNode importOrders(String csv, String... params) throws Exception {
        return importOrders(csv, StandardCharsets.UTF_8, params);
    }

    JsonNode progress(long id) throws Exception {
        MvcTestResult status = mvc.get()
                .uri("/api/v1/imports/" + id)
                .with(httpBasic("manager", PASSWORD))
                .exchange();
        assertThat(status).hasStatusOk();
        return JSON.readTree(status.getResponse().getContentAsString());
    }

    String errors(JsonNode done, String language) {
        MvcTestResult result = mvc.get()
                .uri("/api/v1/imports/" + done.get("id").asLong() + "/errors")
                .header("Accept-Language", language)
                .with(httpBasic("manager", PASSWORD))
                .exchange();
        assertThat(result).hasStatusOk();
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    MvcTestResult undo(JsonNode done) {
        return mvc.delete()
                .uri("/api/v1/imports/" + done.get("id").asLong())
                .with(httpBasic("manager", PASSWORD))
                .exchange();
    }

    long customer(String code) {
        long id = jdbc.sql("select nextval('customer_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into customer (id, code, kind, name, region, relation_category, importance, status,
                                              owner_id)
                        values (:id, :code, 'ENTERPRISE', :code, 'EAST', 'B2B', 'ORDINARY', 'POTENTIAL',
                                (select id from app_user where username = 'manager'))""").param("id", id).param("code", code).update();
        return id;
    }

    String product(String listPrice, String unitCost) {
        String code = "P" + unique();
        jdbc.sql("""
                        insert into product (id, code, name, unit, list_price, unit_cost, currency)
                        values (nextval('product_seq'), :code, :code, '件', :price, :cost, 'CNY')""")
                .param("code", code)
                .param("price", new BigDecimal(listPrice))
                .param("cost", new BigDecimal(unitCost))
                .update();
        return code;
    }

    Map<String, Object> order(String number) {
        return jdbc.sql("select o.*, (select count(*) from order_line l where l.order_id = o.id) as lines"
                        + " from sales_order o where order_number = :n")
                .param("n", number)
                .query()
                .singleRow();
    }

    int count(String sql, Object param) {
        return jdbc.sql(sql).param("p", param).query(Integer.class).single();
    }

    @Test
    void rowsWithTheSameOrderNumberAreOneOrderWithLinesAndTotalsFromTheLines() throws Exception {
        String code = "L" + unique();
        long buyer = customer(code);
        String p1 = product("10.00", "6.00");
        String p2 = product("25.50", "20.00");
        String n1 = "N" + unique();
        String n2 = "N" + unique();
        String csv = "order_number,customer_code,order_date,product_code,quantity,unit_price\n"
                + n1 + "," + code + ",2026-03-01," + p1 + ",3,\n"
                + n2 + "," + code + ",2026/3/2," + p1.toLowerCase(Locale.ROOT) + ",1.5,9.99\n"
                + n1 + "," + code + ",2026-03-01," + p2 + ",2,24.00\n";
        JsonNode done = importOrders(csv);
        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("inserted").asInt()).isEqualTo(3);
        assertThat(done.get("failed").asInt()).isZero();
        Map<String, Object> first = order(n1);
        assertThat(first.get("lines")).isEqualTo(2L);
        assertThat(first.get("total_amount")).isEqualTo(new BigDecimal("78.00"));
        assertThat(first.get("cost_amount")).isEqualTo(new BigDecimal("58.00"));
        assertThat(first.get("status")).isEqualTo("COMPLETED");
        assertThat(jdbc.sql("select line_no || ' ' || quantity || ' ' || unit_price || ' ' || net_amount"
                                + " from order_line where order_id = :o order by line_no")
                        .param("o", first.get("id"))
                        .query(String.class)
                        .list())
                .containsExactly("1 3.000 10.00 30.00", "2 2.000 24.00 48.00");
        // 1.5 × 9.99 = 14.985, rounded half up to cents as an order line does
        assertThat(order(n2).get("total_amount")).isEqualTo(new BigDecimal("14.99"));
        assertThat(count("select completed_orders from customer where id = :p", buyer))
                .isEqualTo(2);
        assertThat(count("select completed_orders from customer_purchase where customer_id = :p", buyer))
                .isEqualTo(2);
    }

    @Test
    void withoutOrderNumbersConsecutiveRowsOfOneCustomerAndDateAreOneOrder() throws Exception {
        String code = "C" + unique();
        long buyer = customer(code);
        String p1 = product("5.00", "1.00");
        String p2 = product("7.00", "2.00");
        String csv = "客户编号,订单日期,产品编码,数量,单价,订单状态\n"
                + code + ",2026-04-01," + p1 + ",1,,已完成\n"
                + code + ",2026-04-01," + p2 + ",2,,已完成\n"
                + code + ",2026-04-02," + p1 + ",4,,草稿\n";
        JsonNode done = importOrders(csv, Charset.forName("GB18030"));
        assertThat(done.get("inserted").asInt()).isEqualTo(3);
        assertThat(jdbc.sql("select order_date || ' ' || status || ' ' || total_amount || ' '"
                                + " || (select count(*) from order_line l where l.order_id = o.id)"
                                + " from sales_order o where customer_id = :c order by order_date")
                        .param("c", buyer)
                        .query(String.class)
                        .list())
                .containsExactly("2026-04-01 COMPLETED 19.00 2", "2026-04-02 DRAFT 20.00 1");
        assertThat(jdbc.sql("select order_number from sales_order where customer_id = :c")
                        .param("c", buyer)
                        .query(String.class)
                        .list())
                .allMatch(number -> number.matches("SO\\d{4}\\d{6,}"));
        assertThat(count("select completed_orders from customer where id = :p", buyer))
                .isEqualTo(1);
    }

    @Test
    void aBadLineFailsItsWholeOrderWithAReasonNamingTheLine() throws Exception {
        String code = "B" + unique();
        long buyer = customer(code);
        String p1 = product("10.00", "5.00");
        String negative = "N" + unique();
        String unknownProduct = "N" + unique();
        String badPrice = "N" + unique();
        String good = "N" + unique();
        String csv = "order_number,customer_code,order_date,product_code,quantity,unit_price\n"
                + negative + "," + code + ",2026-05-01," + p1 + ",2,\n"
                + negative + "," + code + ",2026-05-01," + p1 + ",-1,\n"
                + unknownProduct + "," + code + ",2026-05-01,NO-SUCH-" + unique() + ",1,\n"
                + good + "," + code + ",2026-05-02," + p1 + ",1,\n"
                + unknownProduct + "," + code + ",2026-05-01," + p1 + ",1,\n"
                + badPrice + "," + code + ",2026-05-03," + p1 + ",1,-3\n"
                + badPrice + "," + code + ",2026-05-03," + p1 + ",abc,\n";
        JsonNode done = importOrders(csv);
        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("inserted").asInt()).isEqualTo(1);
        assertThat(done.get("failed").asInt()).isEqualTo(6);
        assertThat(jdbc.sql("select order_number from sales_order where customer_id = :c")
                        .param("c", buyer)
                        .query(String.class)
                        .list())
                .containsExactly(good);
        assertThat(errors(done, "en"))
                .contains("2,\"Not imported: line 3 of the same order has a problem")
                .contains("3,\"Not a quantity")
                .contains("4,No product with this code.")
                .contains("6,\"Not imported: line 4 of the same order has a problem")
                .contains("7,\"Not a unit price")
                .contains("8,\"Not a quantity");
        assertThat(errors(done, "zh-CN")).contains("3,数量无效").contains("2,未导入：同一订单的第 3 行有问题");
    }

    @Test
    void duplicatesInsideTheFile() throws Exception {
        String code = "D" + unique();
        customer(code);
        String p1 = product("10.00", "5.00");
        String twice = "N" + unique();
        String mismatch = "N" + unique();
        String lines = "order_number,customer_code,order_date,product_code,quantity\n"
                + twice + "," + code + ",2026-06-01," + p1 + ",1\n"
                + twice + "," + code + ",2026-06-01," + p1 + ",2\n"
                + mismatch + "," + code + ",2026-06-01," + p1 + ",1\n"
                + mismatch + "," + code + ",2026-06-09," + product("1.00", "1.00") + ",1\n";
        JsonNode withLines = importOrders(lines);
        assertThat(withLines.get("inserted").asInt()).isZero();
        assertThat(withLines.get("failed").asInt()).isEqualTo(4);
        assertThat(errors(withLines, "en"))
                .contains("3,Same order and product as line 2 of the file.")
                .contains("2,\"Not imported: line 3")
                .contains("5,The order number is used on line 4 for another customer or date.")
                .contains("4,\"Not imported: line 5");

        String once = "N" + unique();
        String headers = "order_number,customer_code,order_date,amount\n"
                + once + "," + code + ",2026-06-01,10\n"
                + once + "," + code + ",2026-06-02,20\n";
        JsonNode headerOnly = importOrders(headers);
        assertThat(headerOnly.get("inserted").asInt()).isEqualTo(1);
        assertThat(order(once).get("total_amount")).isEqualTo(new BigDecimal("10.00"));
        assertThat(errors(headerOnly, "en")).contains("3,Same order number as line 2 of the file.");
    }

    @Test
    void anExistingOrderNumberFailsOrIsSkipped() throws Exception {
        String code = "E" + unique();
        customer(code);
        String number = "N" + unique();
        String csv = "order_number,customer_code,order_date,amount\n" + number + "," + code + ",2026-07-01,10\n";
        assertThat(importOrders(csv).get("inserted").asInt()).isEqualTo(1);

        JsonNode failed = importOrders(csv, "onDuplicate", "UPDATE");
        assertThat(failed.get("failed").asInt()).isEqualTo(1);
        assertThat(errors(failed, "en")).contains("2,An order with this number exists already.");

        JsonNode skipped = importOrders(csv, "onDuplicate", "SKIP");
        assertThat(skipped.get("skipped").asInt()).isEqualTo(1);
        assertThat(skipped.get("failed").asInt()).isZero();
        assertThat(count("select count(*) from sales_order where order_number = :p", number))
                .isEqualTo(1);
    }

    @Test
    void undoRemovesTheOrdersTheirLinesAndTheCustomersItCreatedAndResyncsCounts() throws Exception {
        String code = "U" + unique();
        long buyer = customer(code);
        String created = "U" + unique();
        String p1 = product("10.00", "5.00");
        String mine = "N" + unique();
        String theirs = "N" + unique();
        String csv = "order_number,customer_code,customer_name,order_date,product_code,quantity\n"
                + mine + "," + code + ",,2026-08-01," + p1 + ",1\n"
                + mine + "," + code + ",,2026-08-01," + product("2.00", "1.00") + ",3\n"
                + theirs + "," + created + ",新客户,2026-08-02," + p1 + ",2\n";
        JsonNode done = importOrders(csv, "createMissingCustomers", "true");
        assertThat(done.get("inserted").asInt()).isEqualTo(3);
        long orderId = (Long) order(mine).get("id");
        assertThat(count("select completed_orders from customer where id = :p", buyer))
                .isEqualTo(1);
        assertThat(count("select count(*) from customer where code = :p", created))
                .isEqualTo(1);

        assertThat(undo(done)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(count("select count(*) from sales_order where order_number in (:p)", List.of(mine, theirs)))
                .isZero();
        assertThat(count("select count(*) from order_line where order_id = :p", orderId))
                .isZero();
        assertThat(count("select count(*) from customer where code = :p", created))
                .isZero();
        assertThat(count("select completed_orders from customer where id = :p", buyer))
                .isZero();
        assertThat(count("select count(*) from customer_purchase where customer_id = :p", buyer))
                .isZero();
        assertThat(progress(done.get("id").asLong()).get("status").asString()).isEqualTo("UNDONE");
    }

    @Test
    void undoIsRefusedAfterALaterEditOfAnImportedOrder() throws Exception {
        String code = "V" + unique();
        customer(code);
        String edited = "N" + unique();
        String csv = "order_number,customer_code,order_date,amount\n"
                + edited + "," + code + ",2026-09-01,10\n"
                + "N" + unique() + "," + code + ",2026-09-02,20\n";
        JsonNode done = importOrders(csv);
        jdbc.sql("update sales_order set total_amount = 11, version = version + 1 where order_number = :n")
                .param("n", edited)
                .update();
        MvcTestResult refused = undo(done);
        assertThat(refused).hasStatus(HttpStatus.CONFLICT);
        assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains(edited)
                .contains("changed");
        assertThat(count(
                        "select count(*) from sales_order where import_id = :p",
                        done.get("id").asLong()))
                .isEqualTo(2);
        assertThat(progress(done.get("id").asLong()).get("status").asString()).isEqualTo("DONE");
    }

    @Test
    void undoIsRefusedAfterAPaymentIsRecorded() throws Exception {
        String code = "W" + unique();
        long buyer = customer(code);
        String paid = "N" + unique();
        JsonNode done = importOrders(
                "order_number,customer_code,order_date,amount\n" + paid + "," + code + ",2026-10-01,100\n");
        jdbc.sql("""
                        insert into payment (id, order_id, customer_id, amount, paid_on, method, recorded_by,
                                             recorded_at)
                        values (nextval('payment_seq'), :o, :c, 40, current_date, 'CASH',
                                (select id from app_user where username = 'manager'), now())""").param("o", order(paid).get("id")).param("c", buyer).update();
        MvcTestResult refused = undo(done);
        assertThat(refused).hasStatus(HttpStatus.CONFLICT);
        assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains(paid)
                .contains("payment");
        assertThat(order(paid)).isNotNull();
    }
}
