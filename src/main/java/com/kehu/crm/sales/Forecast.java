package com.kehu.crm.sales;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The weighted forecast: per month of expected close, the sum of amount × probability of open deals, plus the amounts
 * won in that month. Rows per rep, subtotals per team and company totals, each in one currency.
 */
public record Forecast(
        YearMonth from,
        YearMonth to,
        PipelineScope scope,
        List<YearMonth> months,
        List<Row> reps,
        List<Row> teams,
        List<Row> totals) {

    /** One line: a rep ({@code ownerId}), a team or the total, in one currency; {@code sum} adds up the months. */
    public record Row(
            @Nullable Long ownerId, String label, @Nullable String team, String currency, List<Cell> cells, Cell sum) {}

    /** Weighted open pipeline, won amount, unweighted open amount and number of open deals. */
    public record Cell(BigDecimal weighted, BigDecimal won, BigDecimal pipeline, long openDeals) {

        public static final Cell EMPTY = new Cell(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0);

        public Cell plus(Cell other) {
            return new Cell(
                    weighted.add(other.weighted),
                    won.add(other.won),
                    pipeline.add(other.pipeline),
                    openDeals + other.openDeals);
        }

        /** What the month is expected to bring: won already plus the weighted open deals. */
        public BigDecimal expected() {
            return won.add(weighted);
        }
    }
}
