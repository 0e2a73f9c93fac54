package com.kehu.crm.analytics;

import static com.kehu.crm.support.IntegrationTest.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.kehu.crm.support.IntegrationTest;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Satisfaction by product category on answers given in May 1994 (no other test answers then), worked out by hand.
 * Two fresh categories X and Y. rep1's customers answered about an order with an X and a Y product (r1), an order
 * with two X lines (r2), an order of uncategorised products (r3), and without an order (r4); rep3's customer about an
 * order with a Y product (r5), which rep1 must not see.
 */
@IntegrationTest
class SatisfactionByProductCategoryTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MetricsRefresh refresh;

    static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    long next(String sequence) {
        return jdbc.sql("select nextval(cast(:s as regclass))")
                .param("s", sequence)
                .query(Long.class)
                .single();
    }

    long category(String code, String nameEn, String nameZh) {
        long id = next("product_category_seq");
        jdbc.sql("insert into product_category (id, code, name_en, name_zh, position) values (:id, :c, :en, :zh, 900)")
                .param("id", id)
                .param("c", code)
                .param("en", nameEn)
                .param("zh", nameZh)
                .update();
        return id;
    }

    long product(@Nullable Long category) {
        long id = next("product_seq");
        jdbc.sql("""
                        insert into product (id, code, name, unit, list_price, unit_cost, currency, category_id)
                        values (:id, :code, '满意度产品', '件', 10, 5, 'CNY', :category)""")
                .param("id", id)
                .param("code", "SPC-" + unique())
                .param("category", category)
                .update();
        return id;
    }

    long customer(String owner) {
        long id = next("customer_seq");
        jdbc.sql("""
                        insert into customer (id, code, kind, name, relation_category, importance, status, owner_id)
                        values (:id, :code, 'ENTERPRISE', '品类满意度测试', 'B2B', 'ORDINARY', 'ACTUAL',
                                (select id from app_user where username = :owner))""")
                .param("id", id)
                .param("code", "SPC-" + unique())
                .param("owner", owner)
                .update();
        return id;
    }

    long order(long customer, long... products) {
        long id = next("sales_order_seq");
        jdbc.sql("""
                        insert into sales_order (id, order_number, customer_id, order_date, currency, status,
                                                 total_amount, created_by)
                        values (:id, :number, :customer, date '1994-04-20', 'CNY', 'CONFIRMED', 0,
                                (select id from app_user where username = 'admin'))""")
                .param("id", id)
                .param("number", "SPC" + unique())
                .param("customer", customer)
                .update();
        for (int i = 0; i < products.length; i++) {
            jdbc.sql("""
                            insert into order_line (id, order_id, line_no, product_id, quantity, unit_price, unit_cost,
                                                    net_amount)
                            values (nextval('order_line_seq'), :order, :line, :product, 1, 0, 0, 0)""")
                    .param("order", id)
                    .param("line", i + 1)
                    .param("product", products[i])
                    .update();
        }
        return id;
    }

    void answer(
            long customer,
            @Nullable Long order,
            String at,
            int overall,
            int expectation,
            int performance,
            int repurchase,
            int recommend,
            int quality,
            int attitude) {
        long id = next("survey_response_seq");
        jdbc.sql("""
                        insert into survey_response (id, customer_id, order_id, channel, overall, expectation,
                                                     performance, repurchase_intent, recommend, created_at)
                        values (:id, :customer, :order, 'LINK', :overall, :expectation, :performance, :repurchase,
                                :recommend, cast(:at as timestamptz))""")
                .param("id", id)
                .param("customer", customer)
                .param("order", order)
                .param("overall", overall)
                .param("expectation", expectation)
                .param("performance", performance)
                .param("repurchase", repurchase)
                .param("recommend", recommend)
                .param("at", at)
                .update();
        for (var rating : new Object[][] {{"PRODUCT_QUALITY", quality}, {"SERVICE_ATTITUDE", attitude}}) {
            jdbc.sql("insert into survey_rating (response_id, attribute_code, score) values (:r, :a, :s)")
                    .param("r", id)
                    .param("a", rating[0])
                    .param("s", rating[1])
                    .update();
        }
    }

    JsonNode report(String user) throws Exception {
        MvcTestResult result = mvc.get()
                .uri("/api/v1/analytics/satisfaction?from=1994-05-01&to=1994-05-31")
                .with(httpBasic(user, PASSWORD))
                .exchange();
        assertThat(result).hasStatusOk();
        return JSON.readTree(result.getResponse().getContentAsString()).get("result");
    }

    @Test
    void measuresEachCategoryOfTheOrderAnsweredAboutWithinTheRecordRules() throws Exception {
        String suffix = unique();
        String x = "SPCA_" + suffix;
        String y = "SPCB_" + suffix;
        long xProduct = product(category(x, "Grain " + suffix, "粮食" + suffix));
        long yProduct = product(category(y, "Tea " + suffix, "茶叶" + suffix));
        long plain = product(null);
        long a = customer("rep1");
        long b = customer("rep1");
        long c = customer("rep3");
        answer(a, order(a, xProduct, yProduct), "1994-05-03T10:00:00+08:00", 5, 3, 4, 5, 10, 5, 4);
        answer(b, order(b, xProduct, xProduct), "1994-05-10T10:00:00+08:00", 3, 4, 3, 3, 6, 3, 2);
        answer(a, order(a, plain), "1994-05-12T10:00:00+08:00", 4, 4, 4, 4, 8, 4, 4);
        answer(b, null, "1994-05-14T10:00:00+08:00", 2, 4, 2, 2, 3, 2, 2);
        answer(c, order(c, yProduct), "1994-05-20T10:00:00+08:00", 1, 5, 1, 1, 0, 1, 1);
        AnalyticsTestData.refresh(refresh);

        JsonNode mine = report("rep1");
        assertThat(mine.get("overall").get("responses").asLong()).isEqualTo(4);
        JsonNode byCategory = mine.get("byProductCategory");
        assertThat(byCategory.size()).isEqualTo(2);

        // X: r1 and r2 (r2's two X lines count once)
        JsonNode mineX = byCategory.get(0);
        assertThat(mineX.get("group").asString()).isEqualTo(x);
        assertThat(mineX.get("responses").asLong()).isEqualTo(2);
        // overall (5 + 3) / 2, one top box of two
        assertThat(mineX.get("overall").asDouble()).isCloseTo(4.0, within(1e-9));
        assertThat(mineX.get("topBoxShare").asDouble()).isCloseTo(0.5, within(1e-9));
        // performance - expectation: +1, -1
        assertThat(mineX.get("gap").asDouble()).isCloseTo(0.0, within(1e-9));
        assertThat(mineX.get("repurchase").asDouble()).isCloseTo(4.0, within(1e-9));
        assertThat(mineX.get("repurchaseShare").asDouble()).isCloseTo(0.5, within(1e-9));
        // one promoter (10), one detractor (6)
        assertThat(mineX.get("nps").asDouble()).isCloseTo(0.0, within(1e-9));
        // quality (5 + 3) / 2 = 4 -> 75, attitude (4 + 2) / 2 = 3 -> 50; equal weights: 62.5
        assertThat(mineX.get("csi").asDouble()).isCloseTo(62.5, within(1e-9));

        // Y: r1 only; r5 is rep3's customer's
        JsonNode mineY = byCategory.get(1);
        assertThat(mineY.get("group").asString()).isEqualTo(y);
        assertThat(mineY.get("responses").asLong()).isEqualTo(1);
        assertThat(mineY.get("overall").asDouble()).isCloseTo(5.0, within(1e-9));
        assertThat(mineY.get("gap").asDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(mineY.get("nps").asDouble()).isCloseTo(100.0, within(1e-9));
        // quality 5 -> 100, attitude 4 -> 75
        assertThat(mineY.get("csi").asDouble()).isCloseTo(87.5, within(1e-9));

        JsonNode names = mine.get("productCategoryNames");
        assertThat(names.get(x).get("nameEn").asString()).isEqualTo("Grain " + suffix);
        assertThat(names.get(y).get("nameZh").asString()).isEqualTo("茶叶" + suffix);

        // the admin sees r5 under Y too: overall (5 + 1) / 2; gap (+1 - 4) / 2; one promoter, one detractor;
        // quality (5 + 1) / 2 = 3 -> 50, attitude (4 + 1) / 2 = 2.5 -> 37.5: 43.75
        JsonNode all = report("admin").get("byProductCategory");
        JsonNode allY = all.get(1);
        assertThat(all.get(0).get("responses").asLong()).isEqualTo(2);
        assertThat(allY.get("group").asString()).isEqualTo(y);
        assertThat(allY.get("responses").asLong()).isEqualTo(2);
        assertThat(allY.get("overall").asDouble()).isCloseTo(3.0, within(1e-9));
        assertThat(allY.get("gap").asDouble()).isCloseTo(-1.5, within(1e-9));
        assertThat(allY.get("nps").asDouble()).isCloseTo(0.0, within(1e-9));
        assertThat(allY.get("csi").asDouble()).isCloseTo(43.75, within(1e-9));

        // rep3 sees only the own customer's answer, under Y
        JsonNode theirs = report("rep3").get("byProductCategory");
        assertThat(theirs.size()).isEqualTo(1);
        assertThat(theirs.get(0).get("group").asString()).isEqualTo(y);
        assertThat(theirs.get(0).get("overall").asDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(report("rep3").get("productCategoryNames").has(x)).isFalse();
    }
}
