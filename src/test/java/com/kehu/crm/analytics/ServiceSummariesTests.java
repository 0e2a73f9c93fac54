package com.kehu.crm.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The median from the duration histogram against {@code percentile_cont(0.5)} over the values themselves: exact when
 * the values of each bucket are equal, within half a bucket otherwise. The buckets here are those the refresh's SQL
 * makes (1 minute below 2 hours, 10 minutes below 48, 1 hour beyond).
 */
class ServiceSummariesTests {

    static int bucket(double hours) {
        return hours < 2
                ? (int) Math.floor(hours * 60)
                : hours < 48 ? 120 + (int) Math.floor((hours - 2) * 6) : 396 + (int) Math.floor(hours - 48);
    }

    static double width(double hours) {
        return hours < 2 ? 1 / 60.0 : hours < 48 ? 1 / 6.0 : 1;
    }

    static List<ServiceSummaries.Bucket> histogram(double... hours) {
        TreeMap<Integer, List<Double>> buckets = new TreeMap<>();
        for (double h : hours) {
            buckets.computeIfAbsent(bucket(h), b -> new ArrayList<>()).add(h);
        }
        List<ServiceSummaries.Bucket> histogram = new ArrayList<>();
        buckets.values()
                .forEach(values -> histogram.add(new ServiceSummaries.Bucket(
                        values.size(),
                        values.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                        values.stream().mapToDouble(Double::doubleValue).max().orElseThrow())));
        return histogram;
    }

    /** PostgreSQL's percentile_cont(0.5): interpolated between the values around position (n - 1) / 2. */
    static double percentileCont(double... hours) {
        double[] sorted = hours.clone();
        Arrays.sort(sorted);
        double position = 0.5 * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = (int) Math.ceil(position);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }

    @Test
    void isExactWhenTheValuesOfEachBucketAreEqual() {
        Random random = new Random(11);
        for (int round = 0; round < 500; round++) {
            // one value per bucket (its middle), taken any number of times
            double[] hours = new double[1 + random.nextInt(40)];
            for (int i = 0; i < hours.length; i++) {
                hours[i] = switch (random.nextInt(3)) {
                    case 0 -> (random.nextInt(120) + 0.5) / 60;
                    case 1 -> 2 + (random.nextInt(276) + 0.5) / 6;
                    default -> 48 + random.nextInt(500) + 0.5;
                };
            }
            assertThat(ServiceSummaries.median(histogram(hours))).isEqualTo(percentileCont(hours));
        }
        assertThat(ServiceSummaries.median(histogram(2, 6, 1))).isEqualTo(2.0);
        assertThat(ServiceSummaries.median(histogram(10, 30))).isEqualTo(20.0);
    }

    @Test
    void isWithinHalfABucketOtherwise() {
        Random random = new Random(13);
        for (int round = 0; round < 2000; round++) {
            double[] hours = new double[1 + random.nextInt(60)];
            // clustered, so that buckets hold several different values
            double centre = random.nextDouble() * 80;
            for (int i = 0; i < hours.length; i++) {
                hours[i] = Math.max(0, centre + random.nextGaussian() * (0.05 + random.nextDouble()));
            }
            double exact = percentileCont(hours);
            double[] sorted = hours.clone();
            Arrays.sort(sorted);
            double halfBucket = Math.max(width(sorted[(sorted.length - 1) / 2]), width(sorted[sorted.length / 2])) / 2;
            assertThat(Math.abs(ServiceSummaries.median(histogram(hours)) - exact))
                    .as("%s", Arrays.toString(sorted))
                    .isLessThan(halfBucket);
        }
    }

    @Test
    void aBucketsFirstAndLastValuesAreExactAndThoseBetweenItsMiddle() {
        // 10 h 01, 10 h 02 and 10 h 09 share the 10-minute bucket from 10 h: the middle one stands for 10 h 05
        double[] hours = {10 + 1 / 60.0, 10 + 2 / 60.0, 10 + 9 / 60.0};
        assertThat(ServiceSummaries.median(histogram(hours))).isEqualTo((hours[0] + hours[2]) / 2);
        // with one more value the middle two are the bucket's second and last: (10 h 05 + 10 h 09) / 2
        double[] four = {10 + 1 / 60.0, 10 + 2 / 60.0, 10 + 9 / 60.0, 50};
        assertThat(ServiceSummaries.median(histogram(four)))
                .isEqualTo((four[0] + four[2]) / 2 + (four[2] - (four[0] + four[2]) / 2) * 0.5);
        assertThat(ServiceSummaries.median(List.of())).isNull();
    }
}
