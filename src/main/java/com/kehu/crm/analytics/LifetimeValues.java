package com.kehu.crm.analytics;

import com.kehu.crm.analytics.clv.BgNbd;
import com.kehu.crm.analytics.clv.GammaGamma;
import com.kehu.crm.analytics.clv.RepeatHistory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Step 2 of a refresh: each buyer's lifetime value, computed in Java (the models need the hypergeometric function)
 * while streaming the buyers' facts from the database with a cursor and writing the results back by COPY, so memory
 * holds one batch whatever the number of customers.
 *
 * <p>With a usable fit (at least clvMinCustomers customers): P(alive) and expected purchases from BG/NBD, the expected
 * order value from Gamma-Gamma (the customer's own mean of repeat purchases shrunk towards the population's), and
 * CLV = Σ over the months of the horizon of (expected purchases in that month × expected order value × the customer's
 * margin ratio), discounted monthly at the annual rate. The potential is the same sum for a customer certainly still
 * active (divided by P(alive)) less CLV. Without one, the simple estimate (method SIMPLE): the customer's margin per
 * year of tenure, kept each year with the data set's observed 12-month retention rate, discounted.
 */
@Component
class LifetimeValues {

    static final String COLUMNS = """
            customer_id bigint not null primary key,
            p_alive double precision,
            expected_purchases double precision,
            expected_order_value numeric(19,2),
            clv numeric(19,2),
            clv_potential numeric(19,2),
            clv_method text not null""";

    private static final int FETCH = 5_000;

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    LifetimeValues(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** The models to apply, or null for the simple estimate. */
    record Models(BgNbd bgNbd, @Nullable GammaGamma gammaGamma, ClvTimeUnit unit) {}

    void create(String table) {
        jdbc.sql("create unlogged table " + table + " (" + COLUMNS + ")").update();
    }

    /**
     * The share of customers who had bought before the last 12 months and bought again within them: the yearly
     * retention the simple estimate assumes. 0.5 when no one had bought a year ago (nothing observed yet).
     */
    double retention(String facts, LocalDate day) {
        return jdbc.sql("select coalesce(avg(case when purchase_days_12m > 0 then 1.0 else 0.0 end), 0.5)::float8"
                        + " from " + facts + " where first_purchase <= :year_ago")
                .param("year_ago", day.minusMonths(12))
                .query(Double.class)
                .single();
    }

    /** Computes every buyer of {@code facts} into {@code values}; returns how many. */
    int compute(String facts, String values, LocalDate day, AnalyticsParameters p, @Nullable Models models)
            throws SQLException {
        double retention = retention(facts, day);
        int months = p.clvHorizonMonths();
        double monthlyDiscount = Math.pow(1 + p.annualDiscountRate().doubleValue(), 1.0 / 12) - 1;
        int count = 0;
        try (Connection read = dataSource.getConnection();
                Connection write = dataSource.getConnection()) {
            boolean readAuto = read.getAutoCommit();
            boolean writeAuto = write.getAutoCommit();
            read.setAutoCommit(false);
            write.setAutoCommit(false);
            CopyIn copy = write.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy " + values + " (customer_id, p_alive, expected_purchases, expected_order_value,"
                            + " clv, clv_potential, clv_method) from stdin");
            try (PreparedStatement statement = read.prepareStatement("select customer_id, purchase_days, orders,"
                    + " first_purchase, last_purchase, revenue_total, margin_total, first_day_amount from " + facts
                    + " where purchase_days > 0")) {
                statement.setFetchSize(FETCH);
                StringBuilder chunk = new StringBuilder();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        Row row = new Row(
                                rs.getLong(1),
                                rs.getInt(2),
                                rs.getInt(3),
                                rs.getObject(4, LocalDate.class),
                                rs.getObject(5, LocalDate.class),
                                rs.getBigDecimal(6).doubleValue(),
                                rs.getBigDecimal(7).doubleValue(),
                                rs.getBigDecimal(8) == null
                                        ? 0
                                        : rs.getBigDecimal(8).doubleValue());
                        Value value = models == null
                                ? simple(row, day, retention, months, monthlyDiscount)
                                : model(row, day, models, months, monthlyDiscount, retention);
                        append(chunk, row.id(), value);
                        count++;
                        if (count % FETCH == 0) {
                            flush(copy, chunk);
                        }
                    }
                }
                flush(copy, chunk);
                copy.endCopy();
                write.commit();
                read.commit();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
                read.setAutoCommit(readAuto);
                write.setAutoCommit(writeAuto);
            }
        }
        return count;
    }

    record Row(
            long id,
            int purchaseDays,
            int orders,
            LocalDate first,
            LocalDate last,
            double revenue,
            double margin,
            double firstDayAmount) {

        double marginRatio() {
            return revenue > 0 ? margin / revenue : 0;
        }

        double averageOrderValue() {
            return orders > 0 ? revenue / orders : 0;
        }
    }

    record Value(
            @Nullable Double pAlive,
            @Nullable Double expectedPurchases,
            double expectedOrderValue,
            double clv,
            double potential,
            String method) {}

    /** The model's value for one buyer; the simple estimate when the numbers come out unusable. */
    static Value model(Row row, LocalDate day, Models models, int months, double monthlyDiscount, double retention) {
        ClvTimeUnit unit = models.unit();
        int x = row.purchaseDays() - 1;
        double tx = unit.of(ChronoUnit.DAYS.between(row.first(), row.last()));
        double t = unit.of(ChronoUnit.DAYS.between(row.first(), day));
        if (t < tx) {
            return simple(row, day, retention, months, monthlyDiscount);
        }
        RepeatHistory history = new RepeatHistory(x, x == 0 ? 0 : tx, t);
        BgNbd bg = models.bgNbd();
        double alive = bg.probabilityAlive(history);
        double repeatMean = x > 0 ? (row.revenue() - row.firstDayAmount()) / x : 0;
        double spend;
        if (models.gammaGamma() != null) {
            spend = x > 0 && repeatMean > 0
                    ? models.gammaGamma().expectedAverageValue(x, repeatMean)
                    : models.gammaGamma().populationMean();
        } else {
            spend = x > 0 && repeatMean > 0 ? repeatMean : row.averageOrderValue();
        }
        double monthUnits = unit.of(365.2425 / 12);
        double previous = 0;
        double clv = 0;
        for (int k = 1; k <= months; k++) {
            double expected = bg.expectedPurchases(history, k * monthUnits);
            // expected purchases can only grow with time; when the series says otherwise (parameters so extreme that
            // the hypergeometric series loses its precision), the model's numbers are not usable for this customer
            if (!Double.isFinite(expected) || expected < previous - 1e-9) {
                return simple(row, day, retention, months, monthlyDiscount);
            }
            clv += (expected - previous) * spend * row.marginRatio() / Math.pow(1 + monthlyDiscount, k);
            previous = expected;
        }
        double ifAlive = alive > 1e-9 ? clv / alive : clv;
        if (!Double.isFinite(clv) || !Double.isFinite(spend) || !Double.isFinite(ifAlive)) {
            return simple(row, day, retention, months, monthlyDiscount);
        }
        return new Value(alive, previous, spend, clv, ifAlive - clv, "MODEL");
    }

    /** The simple estimate: margin per year of tenure (at least a year), retained and discounted month by month. */
    static Value simple(Row row, LocalDate day, double retention, int months, double monthlyDiscount) {
        double tenureDays = Math.max(ChronoUnit.DAYS.between(row.first(), day) + 1, 365.25);
        double monthlyMargin = row.margin() * 365.25 / tenureDays / 12;
        double clv = 0;
        double certain = 0;
        for (int k = 1; k <= months; k++) {
            double discount = Math.pow(1 + monthlyDiscount, k);
            clv += monthlyMargin * Math.pow(retention, k / 12.0) / discount;
            certain += monthlyMargin / discount;
        }
        return new Value(null, null, row.averageOrderValue(), clv, certain - clv, "SIMPLE");
    }

    private static void append(StringBuilder out, long id, Value v) {
        out.append(id)
                .append('\t')
                .append(v.pAlive() == null ? "\\N" : String.format(Locale.ROOT, "%.10f", v.pAlive()))
                .append('\t')
                .append(
                        v.expectedPurchases() == null
                                ? "\\N"
                                : String.format(Locale.ROOT, "%.6f", v.expectedPurchases()))
                .append('\t')
                .append(money(v.expectedOrderValue()))
                .append('\t')
                .append(money(v.clv()))
                .append('\t')
                .append(money(v.potential()))
                .append('\t')
                .append(v.method())
                .append('\n');
    }

    private static String money(double value) {
        return BigDecimal.valueOf(value)
                .setScale(2, java.math.RoundingMode.HALF_UP)
                .toPlainString();
    }

    private static void flush(CopyIn copy, StringBuilder chunk) throws SQLException {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        chunk.setLength(0);
    }
}
