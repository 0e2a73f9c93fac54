package com.kehu.crm.analytics;

import com.kehu.crm.analytics.clv.BgNbd;
import com.kehu.crm.analytics.clv.BgNbdFit;
import com.kehu.crm.analytics.clv.GammaGamma;
import com.kehu.crm.analytics.clv.GammaGammaFit;
import com.kehu.crm.analytics.clv.RepeatHistory;
import com.kehu.crm.analytics.clv.SpendHistory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Fits the lifetime-value models to the order history by maximum likelihood and keeps each fit; the latest is the one
 * refreshes apply. The database reduces the history to one row per distinct (x, t_x, T) with a count, so the JVM
 * holds those groups, never the orders.
 */
@Service
public class ClvFits {

    private final JdbcClient jdbc;
    private final Clock clock;

    ClvFits(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What to fit: the calibration period ends on a day; the cohort bounds are optional (first purchase between). */
    public record Request(
            LocalDate calibrationEnd,
            ClvTimeUnit timeUnit,
            @Nullable LocalDate cohortFrom,
            @Nullable LocalDate cohortTo) {}

    /** A stored fit; Gamma-Gamma is absent when there were no repeat buyers with a positive spend. */
    public record Fit(
            long id,
            LocalDate calibrationEnd,
            ClvTimeUnit timeUnit,
            @Nullable LocalDate cohortFrom,
            @Nullable LocalDate cohortTo,
            BgNbd bgNbd,
            double bgLogLikelihood,
            int bgCustomers,
            @Nullable GammaGamma gammaGamma,
            @Nullable Double ggLogLikelihood,
            int ggCustomers,
            Instant fittedAt) {}

    /** Thrown when the cohort has no buyers at all, so there is nothing to fit. */
    public static class NothingToFitException extends RuntimeException {
        NothingToFitException() {
            super("No purchases in the calibration period and cohort");
        }
    }

    private static final String PER_CUSTOMER = """
            with days as (
                select p.customer_id, p.order_date, sum(p.total_amount) as amount
                from analytics_purchase_v p
                join analytics_customer_v c on c.id = p.customer_id
                where p.order_date <= :end
                group by p.customer_id, p.order_date
            ), per as (
                select customer_id, count(*) - 1 as x, min(order_date) as first_day, max(order_date) as last_day,
                       sum(amount) as total,
                       (min(array[(order_date - date '2000-01-01')::numeric, amount]))[2] as first_amount
                from days
                group by customer_id
            ), cohort as (
                select * from per
                where (cast(:from as date) is null or first_day >= cast(:from as date))
                  and (cast(:to as date) is null or first_day <= cast(:to as date))
            )
            """;

    public Fit fit(Request request, @Nullable Long userId) {
        ClvTimeUnit unit = request.timeUnit();
        List<RepeatHistory> histories = new java.util.ArrayList<>();
        List<SpendHistory> spends = new java.util.ArrayList<>();
        // one pass over the orders for both models: grouping sets give the (x, t_x, T) groups of BG/NBD and the
        // (x, mean spend) groups of Gamma-Gamma from the same per-customer rows
        jdbc.sql(PER_CUSTOMER + """
                        , summary as (
                            select x, last_day - first_day as tx, cast(:end as date) - first_day as t,
                                   case when x > 0 and total - first_amount > 0
                                        then round((total - first_amount) / x, 2) end as mean
                            from cohort
                        )
                        select x, tx, t, mean, count(*) as n, grouping(tx) as spend_row
                        from summary
                        group by grouping sets ((x, tx, t), (x, mean))""")
                .param("end", request.calibrationEnd())
                .param("from", request.cohortFrom())
                .param("to", request.cohortTo())
                .query(rs -> {
                    int x = rs.getInt("x");
                    long n = rs.getLong("n");
                    if (rs.getInt("spend_row") == 0) {
                        histories.add(new RepeatHistory(
                                x, x == 0 ? 0 : unit.of(rs.getInt("tx")), unit.of(rs.getInt("t")), n));
                    } else if (rs.getBigDecimal("mean") != null) {
                        spends.add(new SpendHistory(x, rs.getDouble("mean"), n));
                    }
                });
        if (histories.isEmpty()) {
            throw new NothingToFitException();
        }
        BgNbdFit bg = BgNbdFit.fit(histories);
        GammaGammaFit gg = spends.isEmpty() ? null : GammaGammaFit.fit(spends);
        long id = jdbc.sql("select nextval('clv_fit_seq')").query(Long.class).single();
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into clv_fit (id, calibration_end, time_unit, cohort_from, cohort_to, r, alpha, a, b,
                                             bg_log_likelihood, bg_customers, p, q, gamma, gg_log_likelihood,
                                             gg_customers, fitted_by, fitted_at)
                        values (:id, :end, :unit, :from, :to, :r, :alpha, :a, :b, :bgll, :bgn, :p, :q, :gamma, :ggll,
                                :ggn, :by, :at)""")
                .param("id", id)
                .param("end", request.calibrationEnd())
                .param("unit", unit.name())
                .param("from", request.cohortFrom())
                .param("to", request.cohortTo())
                .param("r", bg.model().r())
                .param("alpha", bg.model().alpha())
                .param("a", bg.model().a())
                .param("b", bg.model().b())
                .param("bgll", bg.logLikelihood())
                .param("bgn", (int) bg.customers())
                .param("p", gg == null ? null : gg.model().p())
                .param("q", gg == null ? null : gg.model().q())
                .param("gamma", gg == null ? null : gg.model().gamma())
                .param("ggll", gg == null ? null : gg.logLikelihood())
                .param("ggn", gg == null ? 0 : (int) gg.customers())
                .param("by", userId)
                .param("at", java.sql.Timestamp.from(now))
                .update();
        return latest().orElseThrow();
    }

    public Optional<Fit> latest() {
        return jdbc.sql("select * from clv_fit order by fitted_at desc, id desc limit 1")
                .query((rs, n) -> new Fit(
                        rs.getLong("id"),
                        rs.getObject("calibration_end", LocalDate.class),
                        ClvTimeUnit.valueOf(rs.getString("time_unit")),
                        rs.getObject("cohort_from", LocalDate.class),
                        rs.getObject("cohort_to", LocalDate.class),
                        new BgNbd(rs.getDouble("r"), rs.getDouble("alpha"), rs.getDouble("a"), rs.getDouble("b")),
                        rs.getDouble("bg_log_likelihood"),
                        rs.getInt("bg_customers"),
                        rs.getObject("p") == null
                                ? null
                                : new GammaGamma(rs.getDouble("p"), rs.getDouble("q"), rs.getDouble("gamma")),
                        rs.getObject("gg_log_likelihood") == null ? null : rs.getDouble("gg_log_likelihood"),
                        rs.getInt("gg_customers"),
                        rs.getTimestamp("fitted_at").toInstant()))
                .optional();
    }
}
