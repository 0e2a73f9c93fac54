package com.kehu.crm.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.kehu.crm.analytics.clv.BgNbd;
import com.kehu.crm.analytics.clv.GammaGamma;
import com.kehu.crm.analytics.clv.RepeatHistory;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LifetimeValuesTests {

    static final LocalDate DAY = LocalDate.of(2026, 6, 30);
    static final BgNbd BG = new BgNbd(0.243, 4.414, 0.793, 2.426);
    static final GammaGamma GG = new GammaGamma(6.25, 3.74, 15.44);

    // 4 purchase days from 2025-06-30 to 2026-06-02, revenue 1000 (first day 100), margin 400
    static final LifetimeValues.Row ROW =
            new LifetimeValues.Row(1, 4, 5, LocalDate.of(2025, 6, 30), LocalDate.of(2026, 6, 2), 1000, 400, 100);

    @Test
    void theModelsValueIsExpectedPurchasesTimesSpendTimesMarginDiscountedMonthly() {
        var models = new LifetimeValues.Models(BG, GG, ClvTimeUnit.WEEK);
        LifetimeValues.Value value = LifetimeValues.model(ROW, DAY, models, 12, 0, 0.5);
        // x = 3 repeat purchases, t_x = 337 days, T = 365 days, in weeks
        RepeatHistory history = new RepeatHistory(3, 337 / 7.0, 365 / 7.0);
        double spend = GG.expectedAverageValue(3, 900 / 3.0);
        double purchases = BG.expectedPurchases(history, 12 * (365.2425 / 12) / 7);
        assertThat(value.method()).isEqualTo("MODEL");
        assertThat(value.pAlive()).isCloseTo(BG.probabilityAlive(history), within(1e-12));
        assertThat(value.expectedPurchases()).isCloseTo(purchases, within(1e-9));
        assertThat(value.expectedOrderValue()).isCloseTo(spend, within(1e-9));
        // undiscounted, the monthly sum telescopes to the 12-month expectation
        assertThat(value.clv()).isCloseTo(purchases * spend * 0.4, within(1e-6));
        assertThat(value.potential()).isCloseTo(value.clv() / value.pAlive() - value.clv(), within(1e-6));
        // discounting lowers it
        assertThat(LifetimeValues.model(ROW, DAY, models, 12, 0.01, 0.5).clv()).isLessThan(value.clv());
    }

    @Test
    void withoutSpendModelTheCustomersOwnRepeatMeanIsUsed() {
        var models = new LifetimeValues.Models(BG, null, ClvTimeUnit.WEEK);
        assertThat(LifetimeValues.model(ROW, DAY, models, 12, 0, 0.5).expectedOrderValue())
                .isCloseTo(300, within(1e-9));
    }

    @Test
    void theSimpleEstimateKeepsTheYearlyMarginAtTheRetentionRate() {
        // tenure 366 days; margin 400 a year = 400 × 365.25 / 366 / 12 a month, kept at 0.5^(k/12), no discount
        LifetimeValues.Value value = LifetimeValues.simple(ROW, DAY, 0.5, 12, 0);
        double monthly = 400 * 365.25 / 366 / 12;
        double expected = 0;
        for (int k = 1; k <= 12; k++) {
            expected += monthly * Math.pow(0.5, k / 12.0);
        }
        assertThat(value.method()).isEqualTo("SIMPLE");
        assertThat(value.clv()).isCloseTo(expected, within(1e-9));
        assertThat(value.potential()).isCloseTo(12 * monthly - expected, within(1e-9));
        assertThat(value.pAlive()).isNull();
        assertThat(value.expectedOrderValue()).isCloseTo(200, within(1e-9));
    }

    @Test
    void aFitInThePoissonLimitIsNotUsedForLifetimeValues() {
        // what a fit returns when every customer buys at the same rate and nobody drops out
        var degenerate = new ClvFits.Fit(
                1,
                DAY,
                ClvTimeUnit.WEEK,
                null,
                null,
                new BgNbd(6.1e9, 1.0e11, 150, 5.1e8),
                -1,
                450_000,
                new GammaGamma(0.25, 9.7e6, 4.1e11),
                -1.0,
                450_000,
                java.time.Instant.now());
        assertThat(MetricsRefresh.identified(degenerate)).isFalse();
        var usual = new ClvFits.Fit(
                1, DAY, ClvTimeUnit.WEEK, null, null, BG, -1, 450_000, GG, -1.0, 450_000, java.time.Instant.now());
        assertThat(MetricsRefresh.identified(usual)).isTrue();
        // and where the series misbehaves for one customer anyway, that customer gets the simple estimate
        var models = new LifetimeValues.Models(new BgNbd(6.1e9, 1.0e11, 150, 5.1e8), null, ClvTimeUnit.WEEK);
        LifetimeValues.Value value = LifetimeValues.model(ROW, DAY, models, 36, 0, 0.5);
        assertThat(value.clv()).isGreaterThanOrEqualTo(0);
    }
}
