package com.kehu.crm.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The primitive helpers of the classification: orderings, shares and the rounded figures. */
class MetricsClassificationRulesTests {

    @Test
    void orderIsByKeyThenIndexWithTheMissingLast() {
        long[] key = {5, 9, 5, -2, 9, 0};
        boolean[] present = {true, true, true, true, true, false};
        assertThat(MetricsClassification.order(key, present, true)).containsExactly(1, 4, 0, 2, 3, 5);
        assertThat(MetricsClassification.order(key, present, false)).containsExactly(3, 0, 2, 1, 4, 5);
        assertThat(MetricsClassification.order(key, null, false)).containsExactly(3, 5, 0, 2, 1, 4);
        assertThat(MetricsClassification.order(new long[0], null, true)).isEmpty();
    }

    @Test
    void orderMatchesAComparatorSortOnRandomKeys() {
        var random = new java.util.Random(7);
        int n = 10_000;
        long[] key = new long[n];
        boolean[] present = new boolean[n];
        for (int i = 0; i < n; i++) {
            key[i] = random.nextInt(500) - 250;
            present[i] = random.nextInt(10) > 0;
        }
        Integer[] expected = new Integer[n];
        for (int i = 0; i < n; i++) {
            expected[i] = i;
        }
        java.util.Arrays.sort(expected, (a, b) -> {
            if (present[a] != present[b]) {
                return present[a] ? -1 : 1;
            }
            if (present[a] && key[a] != key[b]) {
                return Long.compare(key[b], key[a]);
            }
            return Integer.compare(a, b);
        });
        int[] order = MetricsClassification.order(key, present, true);
        for (int k = 0; k < n; k++) {
            assertThat(order[k]).as("position %d", k).isEqualTo(expected[k]);
        }
    }

    @Test
    void sharesRoundUpAndFiguresRoundHalfUp() {
        assertThat(MetricsClassification.share(new BigDecimal("0.20"), 10)).isEqualTo(2);
        assertThat(MetricsClassification.share(new BigDecimal("0.10"), 6)).isEqualTo(1);
        assertThat(MetricsClassification.share(new BigDecimal("0.10"), 0)).isZero();
        assertThat(MetricsClassification.meanInterval(10, 0, 901)).isEqualByComparingTo("100.1");
        assertThat(MetricsClassification.meanInterval(3, 0, 183)).isEqualByComparingTo("91.5");
        assertThat(MetricsClassification.meanInterval(1, 0, 0)).isNull();
        assertThat(MetricsClassification.cents(new BigDecimal("-6.005"))).isEqualTo(-601);
        assertThat(MetricsClassification.money(-601)).isEqualTo("-6.01");
        assertThat(MetricsClassification.profitEstimate(new BigDecimal("4000.00"), 912))
                .isEqualTo("1601.97");
        assertThat(MetricsClassification.profitEstimate(new BigDecimal("200.00"), 30))
                .isEqualTo("200.00");
    }

    @Test
    void lostByProbabilityOrBySilence() {
        BigDecimal alive = new BigDecimal("0.30");
        BigDecimal factor = new BigDecimal("2.0");
        BigDecimal mean = new BigDecimal("91.5");
        assertThat(MetricsClassification.lost(0.2, 3, 10, mean, alive, factor, 365))
                .isTrue();
        assertThat(MetricsClassification.lost(null, 3, 183, mean, alive, factor, 365))
                .isFalse();
        assertThat(MetricsClassification.lost(null, 3, 184, mean, alive, factor, 365))
                .isTrue();
        assertThat(MetricsClassification.lost(0.9, 1, 366, null, alive, factor, 365))
                .isTrue();
        assertThat(MetricsClassification.lost(null, 1, 365, null, alive, factor, 365))
                .isFalse();
    }
}
