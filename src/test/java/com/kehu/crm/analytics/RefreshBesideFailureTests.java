package com.kehu.crm.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.reset;

import com.kehu.crm.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A refresh whose work on the second thread fails (here the funnel's summaries) fails as a whole: the metrics and
 * summaries of the last good refresh stay in place, and no work table of the failed one is left behind.
 */
@IntegrationTest
class RefreshBesideFailureTests {

    @Autowired
    MetricsRefresh refresh;

    @Autowired
    JdbcClient jdbc;

    @MockitoSpyBean
    FunnelSummaries funnelSummaries;

    Instant computedAt() {
        return jdbc.sql("select max(computed_at) from customer_metrics")
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
    }

    @Test
    void aFailureBesideFailsTheRefreshAndKeepsTheLastGoodFigures() {
        // a small buyer, so that there are metrics however few customers the database holds
        AnalyticsTestData data = new AnalyticsTestData(jdbc);
        long customer =
                data.customer("rep2", "RF-" + UUID.randomUUID().toString().substring(0, 8), "刷新失败测试");
        data.order(customer, LocalDate.now().minusDays(3), "10.00", "5.00");
        AnalyticsTestData.refresh(refresh);
        Instant before = computedAt();
        long funnelRows = jdbc.sql("select count(*) from analytics_funnel_day")
                .query(Long.class)
                .single();

        willThrow(new IllegalStateException("simulated")).given(funnelSummaries).build(anyLong());
        try {
            long id = refresh.request(null);
            Awaitility.await()
                    .atMost(Duration.ofMinutes(2))
                    .until(() -> !refresh.status(id).orElseThrow().active());
            MetricsRefresh.Status status = refresh.status(id).orElseThrow();
            assertThat(status.status()).isEqualTo("FAILED");
            assertThat(status.failure()).isEqualTo("analytics.refresh.failure.generic");
            assertThat(computedAt()).isEqualTo(before);
            assertThat(jdbc.sql("select count(*) from analytics_funnel_day")
                            .query(Long.class)
                            .single())
                    .isEqualTo(funnelRows);
            assertThat(jdbc.sql("select count(*) from pg_tables where schemaname = current_schema()"
                                    + " and tablename like '%\\_' || :id")
                            .param("id", String.valueOf(id))
                            .query(Long.class)
                            .single())
                    .isZero();
        } finally {
            reset(funnelSummaries);
        }
        AnalyticsTestData.refresh(refresh);
    }
}
