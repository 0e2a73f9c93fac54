package com.kehu.crm.analytics;

import static com.kehu.crm.support.IntegrationTest.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.kehu.crm.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The six measures on answers given in spring 1996 (no other test answers then), worked out by hand, as the summaries
 * of a refresh after the answers give them. rep1's customers A and B gave three answers; rep3's customer C one, which
 * rep1 must not see.
 */
@IntegrationTest
class SatisfactionReportTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MetricsRefresh refresh;

    long customer(String owner) {
        long id = jdbc.sql("select nextval('customer_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into customer (id, code, kind, name, relation_category, importance, status, owner_id)
                        values (:id, :code, 'ENTERPRISE', '满意度测试', 'B2B', 'ORDINARY', 'ACTUAL',
                                (select id from app_user where username = :owner))""")
                .param("id", id)
                .param("code", "SR-" + UUID.randomUUID().toString().substring(0, 8))
                .param("owner", owner)
                .update();
        return id;
    }

    void answer(
            long customer,
            String at,
            int overall,
            int expectation,
            int performance,
            int repurchase,
            int recommend,
            int quality,
            Integer attitude) {
        long id = jdbc.sql("select nextval('survey_response_seq')")
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into survey_response (id, customer_id, channel, overall, expectation, performance,
                                                     repurchase_intent, recommend, created_at)
                        values (:id, :customer, 'LINK', :overall, :expectation, :performance, :repurchase,
                                :recommend, cast(:at as timestamptz))""")
                .param("id", id)
                .param("customer", customer)
                .param("overall", overall)
                .param("expectation", expectation)
                .param("performance", performance)
                .param("repurchase", repurchase)
                .param("recommend", recommend)
                .param("at", at)
                .update();
        rate(id, "PRODUCT_QUALITY", quality);
        if (attitude != null) {
            rate(id, "SERVICE_ATTITUDE", attitude);
        }
    }

    void rate(long response, String attribute, int score) {
        jdbc.sql("insert into survey_rating (response_id, attribute_code, score) values (:r, :a, :s)")
                .param("r", response)
                .param("a", attribute)
                .param("s", score)
                .update();
    }

    JsonNode report(String user) throws Exception {
        MvcTestResult result = mvc.get()
                .uri("/api/v1/analytics/satisfaction?from=1996-03-01&to=1996-04-30")
                .with(httpBasic(user, PASSWORD))
                .exchange();
        assertThat(result).hasStatusOk();
        return JSON.readTree(result.getResponse().getContentAsString()).get("result");
    }

    @Test
    void theSixMeasuresOverallAndByMonth() throws Exception {
        long a = customer("rep1");
        long b = customer("rep1");
        long c = customer("rep3");
        answer(a, "1996-03-10T10:00:00+08:00", 5, 3, 4, 5, 10, 5, 4);
        answer(a, "1996-04-05T10:00:00+08:00", 3, 4, 3, 3, 6, 3, 2);
        answer(b, "1996-04-20T10:00:00+08:00", 4, 4, 4, 4, 8, 4, null);
        answer(c, "1996-03-15T10:00:00+08:00", 1, 5, 1, 1, 0, 1, 1);
        AnalyticsTestData.refresh(refresh);

        JsonNode mine = report("rep1");
        JsonNode overall = mine.get("overall");
        assertThat(overall.get("responses").asLong()).isEqualTo(3);
        // overall (5 + 3 + 4) / 3; one top box of three
        assertThat(overall.get("overall").asDouble()).isCloseTo(4.0, within(1e-9));
        assertThat(overall.get("topBoxShare").asDouble()).isCloseTo(1 / 3.0, within(1e-9));
        // performance - expectation: +1, -1, 0
        assertThat(overall.get("gap").asDouble()).isCloseTo(0.0, within(1e-9));
        // repurchase (5 + 3 + 4) / 3, two of three at 4 or 5
        assertThat(overall.get("repurchase").asDouble()).isCloseTo(4.0, within(1e-9));
        assertThat(overall.get("repurchaseShare").asDouble()).isCloseTo(2 / 3.0, within(1e-9));
        // one promoter (10), one detractor (6), one passive (8): NPS 0
        assertThat(overall.get("nps").asDouble()).isCloseTo(0.0, within(1e-9));
        // quality mean 4 -> 75, attitude mean 3 -> 50; equal weights: 62.5
        assertThat(overall.get("csi").asDouble()).isCloseTo(62.5, within(1e-9));

        JsonNode march = mine.get("byMonth").get(0);
        assertThat(march.get("group").asString()).isEqualTo("1996-03");
        assertThat(march.get("nps").asDouble()).isCloseTo(100.0, within(1e-9));
        // quality 5 -> 100, attitude 4 -> 75
        assertThat(march.get("csi").asDouble()).isCloseTo(87.5, within(1e-9));
        JsonNode april = mine.get("byMonth").get(1);
        assertThat(april.get("overall").asDouble()).isCloseTo(3.5, within(1e-9));
        // no promoter, one detractor of two: -50; quality (3 + 4) / 2 -> 62.5, attitude 2 -> 25
        assertThat(april.get("nps").asDouble()).isCloseTo(-50.0, within(1e-9));
        assertThat(april.get("csi").asDouble()).isCloseTo(43.75, within(1e-9));

        assertThat(mine.get("attributes").get(0).get("attribute").asString()).isEqualTo("PRODUCT_QUALITY");
        assertThat(mine.get("attributes").get(0).get("mean").asDouble()).isCloseTo(4.0, within(1e-9));
        assertThat(mine.get("complaints").get("complaints").asLong()).isZero();
        assertThat(mine.get("complaints").get("per100Orders").isNull()).isTrue();
        assertThat(mine.get("byTier").get(0).get("responses").asLong()).isEqualTo(3);

        // the admin sees rep3's customer's answer too
        assertThat(report("admin").get("overall").get("responses").asLong()).isEqualTo(4);
    }

    @Test
    void attributeWeightsShapeTheIndex() throws Exception {
        long a = customer("rep2");
        answer(a, "1996-03-20T10:00:00+08:00", 4, 4, 4, 4, 9, 5, 3);
        AnalyticsTestData.refresh(refresh);
        String before = jdbc.sql("select overrides::text from analytics_parameters where id = 1")
                .query(String.class)
                .single();
        try {
            jdbc.sql("update analytics_parameters set overrides = cast(:o as jsonb) where id = 1")
                    .param("o", "{\"csiWeights\": {\"PRODUCT_QUALITY\": 3, \"SERVICE_ATTITUDE\": 1}}")
                    .update();
            // quality 5 -> 100 weighs 3, attitude 3 -> 50 weighs 1: (300 + 50) / 4
            JsonNode rep2 = report("rep2");
            assertThat(rep2.get("overall").get("csi").asDouble()).isCloseTo(87.5, within(1e-9));
        } finally {
            jdbc.sql("update analytics_parameters set overrides = cast(:o as jsonb) where id = 1")
                    .param("o", before)
                    .update();
        }
        assertThat(mvc.get()
                        .uri("/api/v1/analytics/satisfaction?from=1996-05-01&to=1996-04-30")
                        .with(httpBasic("rep1", PASSWORD)))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }
}
