package com.kehu.crm.analytics;

import static com.kehu.crm.support.IntegrationTest.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.kehu.crm.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Service performance of tickets opened in May 1996 (no other test has tickets then), worked out by hand, as the
 * summaries of a refresh after the tickets give them (whole hours: the medians from the histogram are exact).
 */
@IntegrationTest
class SupportReportTests {

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
                        values (:id, :code, 'ENTERPRISE', '服务测试', 'B2B', 'ORDINARY', 'ACTUAL',
                                (select id from app_user where username = :owner))""")
                .param("id", id)
                .param("code", "SP-" + UUID.randomUUID().toString().substring(0, 8))
                .param("owner", owner)
                .update();
        return id;
    }

    /**
     * A ticket opened at {@code created}, due for a first answer 4 hours and a resolution 24 hours later, answered
     * after {@code responseHours} and resolved after {@code resolutionHours} (null: not yet).
     */
    void ticket(long customer, String type, String created, Integer responseHours, Integer resolutionHours) {
        ticketAfterMinutes(
                customer,
                type,
                created,
                "SP" + UUID.randomUUID().toString().substring(0, 12),
                responseHours == null ? null : responseHours * 60,
                resolutionHours == null ? null : resolutionHours * 60);
    }

    /** As {@link #ticket}, numbered {@code number}, answered and resolved after so many minutes. */
    void ticketAfterMinutes(
            long customer,
            String type,
            String created,
            String number,
            Integer responseMinutes,
            Integer resolutionMinutes) {
        jdbc.sql("""
                        insert into ticket (id, number, customer_id, channel, type, category_id, priority, subject,
                                            assignee_id, status, first_response_due_at, resolution_due_at,
                                            first_responded_at, resolved_at, resolution_summary, created_at)
                        values (nextval('ticket_seq'), :number, :customer, 'PHONE', :type,
                                (select id from ticket_category where code = 'PRODUCT_QUALITY'), 'NORMAL', '服务测试',
                                (select id from app_user where username = 'agent1'),
                                case when cast(:resolution as integer) is null then 'IN_PROGRESS' else 'RESOLVED' end,
                                cast(:created as timestamptz) + interval '4 hours',
                                cast(:created as timestamptz) + interval '24 hours',
                                cast(:created as timestamptz) + make_interval(mins => cast(:response as integer)),
                                cast(:created as timestamptz) + make_interval(mins => cast(:resolution as integer)),
                                case when cast(:resolution as integer) is null then null else '已处理' end,
                                cast(:created as timestamptz))""")
                .param("number", number)
                .param("customer", customer)
                .param("type", type)
                .param("created", created)
                .param("response", responseMinutes)
                .param("resolution", resolutionMinutes)
                .update();
    }

    @Test
    void responseAndResolutionTimesSlaComplianceAndComplaintCategories() throws Exception {
        long mine = customer("rep1");
        ticket(mine, "COMPLAINT", "1996-05-02T09:00:00+08:00", 2, 10);
        ticket(mine, "INQUIRY", "1996-05-03T09:00:00+08:00", 6, 30);
        ticket(mine, "COMPLAINT", "1996-05-04T09:00:00+08:00", 1, null);
        ticket(customer("rep3"), "COMPLAINT", "1996-05-05T09:00:00+08:00", 1, 2);
        AnalyticsTestData.refresh(refresh);

        MvcTestResult result = mvc.get()
                .uri("/api/v1/analytics/support?from=1996-05-01&to=1996-05-31")
                .with(httpBasic("rep1", PASSWORD))
                .exchange();
        assertThat(result).hasStatusOk();
        JsonNode report =
                JSON.readTree(result.getResponse().getContentAsString()).get("result");
        JsonNode overall = report.get("overall");
        assertThat(overall.get("tickets").asLong()).isEqualTo(3);
        // first answers after 2, 6 and 1 hours: mean 3, median 2; two of three within the 4 hours due
        assertThat(overall.get("firstResponseHours").asDouble()).isCloseTo(3.0, within(1e-9));
        assertThat(overall.get("firstResponseMedianHours").asDouble()).isCloseTo(2.0, within(1e-9));
        assertThat(overall.get("responseSlaMet").asDouble()).isCloseTo(2 / 3.0, within(1e-9));
        // resolved after 10 and 30 hours (the third is still open, long past its due time: missed)
        assertThat(overall.get("resolutionHours").asDouble()).isCloseTo(20.0, within(1e-9));
        assertThat(overall.get("resolutionSlaMet").asDouble()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(report.get("byAgent").get(0).get("tickets").asLong()).isEqualTo(3);
        // two complaints in May 1996, both about product quality
        assertThat(report.get("complaints").get(0).get("month").asString()).isEqualTo("1996-05");
        assertThat(report.get("complaints").get(0).get("category").asString()).isEqualTo("PRODUCT_QUALITY");
        assertThat(report.get("complaints").get(0).get("complaints").asLong()).isEqualTo(2);
    }

    /**
     * Medians from the stored histogram against percentile_cont over the tickets themselves (August 1992, no other test
     * has tickets then): first answers whose buckets each hold equal values give it exactly; resolutions of 10 h 01,
     * 10 h 02 and 10 h 09 share a 10-minute bucket, and the middle one stands for 10 h 05, off by less than half a
     * bucket (5 minutes).
     */
    @Test
    void mediansFromTheHistogramMatchPercentileContWithinHalfABucket() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long theirs = customer("rep2");
        int[][] minutes = {{7, 601}, {7, 602}, {95, 609}, {95, 45}, {180, 3001}, {180, 3050}, {1800, 100}};
        for (int i = 0; i < minutes.length; i++) {
            ticketAfterMinutes(
                    theirs,
                    "INQUIRY",
                    "1992-08-0" + (i + 1) + "T09:00:00+08:00",
                    "SM" + tag + i,
                    minutes[i][0],
                    minutes[i][1]);
        }
        AnalyticsTestData.refresh(refresh);

        MvcTestResult result = mvc.get()
                .uri("/api/v1/analytics/support?from=1992-08-01&to=1992-08-31")
                .with(httpBasic("rep2", PASSWORD))
                .exchange();
        assertThat(result).hasStatusOk();
        JsonNode overall = JSON.readTree(result.getResponse().getContentAsString())
                .get("result")
                .get("overall");
        double[] exact = jdbc.sql("""
                        select percentile_cont(0.5) within group (
                                   order by extract(epoch from first_responded_at - created_at) / 3600),
                               percentile_cont(0.5) within group (
                                   order by extract(epoch from resolved_at - created_at) / 3600)
                        from ticket where number like :tag""")
                .param("tag", "SM" + tag + "%")
                .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
                .single();
        assertThat(overall.get("tickets").asLong()).isEqualTo(7);
        // 7, 7, 95, 95, 180, 180, 1800 minutes: 95
        assertThat(exact[0]).isCloseTo(95 / 60.0, within(1e-12));
        assertThat(overall.get("firstResponseMedianHours").asDouble()).isEqualTo(exact[0]);
        // 45, 100, 601, 602, 609, 3001, 3050 minutes: 602, which the bucket of 601-609 gives as 605
        assertThat(exact[1]).isCloseTo(602 / 60.0, within(1e-12));
        assertThat(overall.get("resolutionMedianHours").asDouble())
                .isCloseTo(605 / 60.0, within(1e-9))
                .isCloseTo(exact[1], within(5 / 60.0));
    }
}
