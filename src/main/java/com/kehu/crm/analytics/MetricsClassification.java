package com.kehu.crm.analytics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.stereotype.Component;

/**
 * Step 3 of a refresh: from the facts (step 1) and the lifetime values (step 2), every class over the whole population,
 * written as the rows of a new customer_metrics table. The work is per customer and reads one row of facts per
 * customer (the JVM never sees an order), so it runs in Java over two streamed passes and writes by COPY: an earlier
 * version did it in one SQL statement, which took 10–15 s at a million customers (PostgreSQL never runs an
 * insert … select in parallel, and the numeric arithmetic of 40 output columns dominated); this takes a few seconds.
 *
 * <ol>
 *   <li>The first pass keeps, per customer, only what the population-wide cuts need (about 50 bytes): profit, CLV and
 *       potential in cents, last purchase, purchase days, revenue, and whether the customer is lost.
 *   <li>Between the passes: the profit ranking, the RFM score thresholds, the last customer within the MVC share and
 *       the last within the STC share, by sorting primitive keys.
 *   <li>The second pass reads the rows again in the same order (by customer id) and writes each finished row.
 * </ol>
 *
 * <ul>
 *   <li>Value tier: customers ranked by 12-month profit (margin less cost to serve, to the cent), ties by customer id;
 *       the first vipShare of all customers are VIP and the first importantShare important, if their profit is
 *       positive; everyone else ordinary.
 *   <li>RFM: among buyers, each score is 1 + floor(5 × percent rank) capped at 5 (ties share a score): recency by the
 *       last purchase day, frequency by purchase days, monetary by lifetime revenue. In integers: a score is above k
 *       when the value exceeds the buyers' value at position ceil(k × (buyers − 1) / 5). The segment follows the R/F
 *       grid. R+F: the next purchase is expected one mean interval after the last; F+M: the profit estimate is the
 *       margin per year of the customer's tenure (at least a year).
 *   <li>CLV tier: BZC when cost to serve exceeds margin (12-month profit below zero); else MVC for the first mvcShare of
 *       buyers by CLV; else STC for the first stcShare of buyers (counted among those neither MVC nor lost) by
 *       unrealised potential.
 *   <li>Dick and Basu: repeat patronage high with at least loyaltyMinPurchaseDays purchase days in 12 months; attitude
 *       high when the latest survey answer recommends and intends to repurchase at the thresholds, unknown without an
 *       answer (never guessed).
 *   <li>Churn: lost when P(alive) is below churnAliveBelow, or when silent longer than churnSilenceFactor mean
 *       intervals, or, for one-time buyers, singleBuyerLostDays; at risk at the milder thresholds. Without P(alive) (the
 *       simple estimate) the silence alone decides.
 *   <li>Lifecycle: decline when lost; exploration for a first purchase within explorationDays or a single purchase
 *       day; decline when at risk; else the 6-month revenue trend: formation when growing by more than lifecycleTrend,
 *       decline when falling by more, stability between.
 * </ul>
 */
@Component
class MetricsClassification {

    private static final int FETCH = 5_000;
    private static final BigDecimal DAYS_A_YEAR = new BigDecimal("365.25");
    private static final String NULL = "\\N";

    /** The dimensions of analytics_owner_class, in the order of {@code Population.add}'s indexes. */
    static final List<String> DIMENSIONS =
            List.of("VALUE_TIER", "RFM_SEGMENT", "RFM_GRID", "LIFECYCLE", "LOYALTY", "CLV_TIER");

    /** The RFM grid's class names, "r-f", made once. */
    private static final String[][] GRID = new String[6][6];

    static {
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                GRID[r][f] = r + "-" + f;
            }
        }
    }

    /** The first pass reads what the cuts need, by customer id (the columns 1-14 of {@link #READ}, then revenue_12m). */
    private static final String READ_KEYS = """
            select f.customer_id, f.purchase_days, f.first_purchase - date '1970-01-01',
                   f.last_purchase - date '1970-01-01', f.revenue_total, f.margin_12m, f.tickets_12m, f.calls_12m,
                   f.touches_12m, v.p_alive, v.clv, v.clv_potential, f.owner_id, f.team_id, f.revenue_12m
            from %s f left join %s v on v.customer_id = f.customer_id
            order by f.customer_id""";

    /** The second pass reads every column, in the same order. */
    private static final String READ = """
            select f.customer_id, f.purchase_days, f.first_purchase - date '1970-01-01',
                   f.last_purchase - date '1970-01-01', f.revenue_total, f.margin_12m, f.tickets_12m, f.calls_12m,
                   f.touches_12m, v.p_alive, v.clv, v.clv_potential,
                   f.owner_id, f.team_id, f.orders, f.first_purchase, f.last_purchase, f.margin_total,
                   f.revenue_12m, f.purchase_days_12m, f.purchase_days_prev_12m, f.revenue_prev_6m,
                   f.revenue_last_6m, f.first_day_amount, f.recommend, f.repurchase_intent,
                   v.expected_purchases, v.expected_order_value, v.clv_method
            from %s f left join %s v on v.customer_id = f.customer_id
            order by f.customer_id""";

    private static final Logger log = LoggerFactory.getLogger(MetricsClassification.class);

    private final DataSource dataSource;
    private final Clock clock;

    /**
     * What a classification wrote: the number of customers, and the summaries the reports read (analytics_owner_summary,
     * analytics_owner_class, analytics_pareto), gathered while writing instead of by three more scans of the new table
     * (one of them two window sorts of a million rows: 5–8 s at a million customers).
     */
    record Classified(int customers, List<OwnerRow> owners, List<OwnerClassRow> ownerClasses, List<ParetoRow> pareto) {}

    /** Per owner: customers, buyers, lost, at risk, the annual churn base and its lost, buyers and unprofitable (12m). */
    record OwnerRow(
            long ownerId,
            @Nullable Long teamId,
            int customers,
            int buyers,
            int churned,
            int atRisk,
            int churnBase,
            int churnBaseLost,
            int buyers12m,
            int unprofitable12m) {}

    /** Per owner, dimension and class: customers and the sums of 12-month revenue and profit and lifetime revenue. */
    record OwnerClassRow(
            long ownerId,
            String dimension,
            String className,
            int customers,
            BigDecimal revenue12m,
            BigDecimal profit12m,
            BigDecimal revenueTotal) {}

    /**
     * The Pareto sums of a scope (ALL 0, a TEAM or an OWNER): positive profit and 12-month revenue of the first
     * ceil(top share × size) customers of the scope in profit-rank order, and of all; the shares are divided in SQL, as
     * the live report divides them.
     */
    record ParetoRow(
            String scopeKind,
            long scopeId,
            BigDecimal topShare,
            BigDecimal profitOfTop,
            BigDecimal profit,
            BigDecimal revenueOfTop,
            BigDecimal revenue) {}

    MetricsClassification(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Inserts into {@code metrics} (a table shaped like customer_metrics) one row per row of {@code facts}, joined to
     * {@code values} (customer_id, p_alive, expected_purchases, expected_order_value, clv, clv_potential, clv_method);
     * returns how many, with the per-owner summaries and the Pareto figures of the rows written (see
     * {@link Classified}). Table names come from the refresh (constants and ids), never from input.
     */
    Classified classify(
            String facts, String values, String metrics, long refreshId, LocalDate day, AnalyticsParameters p) {
        try (Connection read = dataSource.getConnection();
                Connection write = dataSource.getConnection()) {
            boolean readAuto = read.getAutoCommit();
            read.setAutoCommit(false);
            try {
                try (PreparedStatement jit = read.prepareStatement("set local jit = off")) {
                    jit.execute();
                }
                int population = count(read, facts);
                Population people = new Population(population, day, p);
                long started = System.nanoTime();
                try (PreparedStatement statement = read.prepareStatement(READ_KEYS.formatted(facts, values))) {
                    statement.setFetchSize(FETCH);
                    try (ResultSet rs = statement.executeQuery()) {
                        int i = 0;
                        while (rs.next()) {
                            people.read(i++, rs);
                        }
                        if (i != population) {
                            throw new IllegalStateException("The facts changed while classifying");
                        }
                    }
                }
                people.cut();
                long cut = System.nanoTime();
                int written = write(read, write, READ.formatted(facts, values), metrics, people, refreshId);
                log.info(
                        "Analytics refresh {}: classes, first pass and cuts took {} ms, second pass {} ms",
                        refreshId,
                        (cut - started) / 1_000_000,
                        (System.nanoTime() - cut) / 1_000_000);
                read.commit();
                return new Classified(written, people.owners(), people.ownerClasses(), people.pareto());
            } finally {
                read.setAutoCommit(readAuto);
            }
        } catch (SQLException e) {
            throw new UncategorizedSQLException("classify " + facts, null, e);
        }
    }

    private static int count(Connection read, String facts) throws SQLException {
        try (PreparedStatement statement = read.prepareStatement("select count(*) from " + facts);
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The second pass: reads the rows again in the same order and COPYs each finished row into {@code metrics}. */
    private int write(
            Connection read, Connection write, String query, String metrics, Population people, long refreshId)
            throws SQLException {
        boolean writeAuto = write.getAutoCommit();
        write.setAutoCommit(false);
        String prefix = "\t" + refreshId + "\t" + clock.instant() + "\t";
        int written = 0;
        boolean committed = false;
        CopyIn copy = null;
        try {
            copy = write.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + metrics + """
                         (customer_id, refresh_id, computed_at, owner_id, team_id, orders, purchase_days,
                         first_purchase, last_purchase, recency_days, revenue_total, margin_total, revenue_12m,
                         margin_12m, purchase_days_12m, purchase_days_prev_12m, revenue_prev_6m, revenue_last_6m,
                         average_order_value, mean_interval_days, first_day_amount, tickets_12m, calls_12m,
                         touches_12m, cost_to_serve_12m, profit_12m, profit_rank, value_tier, r_score, f_score,
                         m_score, rfm_segment, next_purchase_expected, profit_estimate_12m, p_alive,
                         expected_purchases, expected_order_value, clv, clv_potential, clv_method, clv_tier,
                         repeat_patronage, attitude, loyalty, lifecycle_stage, churned, at_risk) from stdin""");
            StringBuilder chunk = new StringBuilder(1 << 20);
            try (PreparedStatement statement = read.prepareStatement(query)) {
                statement.setFetchSize(FETCH);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        if (written >= people.size || rs.getLong(1) != people.ids[written]) {
                            throw new IllegalStateException("The facts changed while classifying");
                        }
                        chunk.append(rs.getLong(1)).append(prefix);
                        people.write(written++, rs, chunk);
                        if (written % FETCH == 0) {
                            flush(copy, chunk);
                        }
                    }
                }
            }
            if (written != people.size) {
                throw new IllegalStateException("The facts changed while classifying");
            }
            flush(copy, chunk);
            copy.endCopy();
            write.commit();
            committed = true;
            return written;
        } finally {
            if (copy != null && copy.isActive()) {
                copy.cancelCopy();
            }
            if (!committed) {
                write.rollback();
            }
            write.setAutoCommit(writeAuto);
        }
    }

    private static void flush(CopyIn copy, StringBuilder chunk) throws SQLException {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        chunk.setLength(0);
    }

    /** The customers of one classification: the per-customer keys of the first pass and the cuts computed from them. */
    private static final class Population {

        final int size;
        final int day;
        final AnalyticsParameters p;
        final long[] ids;
        final long[] profitCents;
        final long[] costCents;
        final long[] clvCents;
        final long[] potentialCents;
        final boolean[] hasClv;
        final boolean[] hasPotential;
        final int[] last;
        final int[] purchaseDays;
        final long[] revenueCents;
        final boolean[] churned;
        final long[] owner;
        /** The customer's team, or {@link #NO_TEAM}. */
        final long[] team;

        final long[] revenue12Cents;
        int buyers;

        static final long NO_TEAM = Long.MIN_VALUE;

        /** Per owner: the counts of {@link OwnerRow}, in its order after the owner and team. */
        final Map<Long, int[]> ownerCounts = new HashMap<>();

        final Map<Long, Long> ownerTeams = new HashMap<>();
        /** Per owner, per dimension (an index into {@link #DIMENSIONS}), per class: customers, three sums in cents. */
        final Map<Long, Map<String, long[]>[]> classSums = new HashMap<>();

        final int[] profitRank;
        /** The customers (indexes) in profit-rank order. */
        int[] byProfit = new int[0];
        /** The RFM thresholds: the buyers' values at the positions of the quintile boundaries. */
        final int[] recencyCuts = new int[4];

        final int[] frequencyCuts = new int[4];
        final long[] monetaryCuts = new long[4];
        /** The last customer within the MVC share (an index), or -1 when every CLV counts. */
        int mvcLast = -1;

        /** The last customer within the STC share (an index), or -1 when every potential counts. */
        int stcLast = -1;

        long vipRanks;
        long importantRanks;
        boolean mvcShareEmpty;
        boolean stcShareEmpty;

        Population(int size, LocalDate day, AnalyticsParameters p) {
            this.size = size;
            this.day = (int) day.toEpochDay();
            this.p = p;
            ids = new long[size];
            profitCents = new long[size];
            costCents = new long[size];
            clvCents = new long[size];
            potentialCents = new long[size];
            hasClv = new boolean[size];
            hasPotential = new boolean[size];
            last = new int[size];
            purchaseDays = new int[size];
            revenueCents = new long[size];
            churned = new boolean[size];
            owner = new long[size];
            team = new long[size];
            revenue12Cents = new long[size];
            profitRank = new int[size];
        }

        /** The first pass: the keys of customer {@code i}. */
        void read(int i, ResultSet rs) throws SQLException {
            if (i >= size) {
                throw new IllegalStateException("The facts changed while classifying");
            }
            ids[i] = rs.getLong(1);
            owner[i] = rs.getLong(13);
            long teamId = rs.getLong(14);
            team[i] = rs.wasNull() ? NO_TEAM : teamId;
            revenue12Cents[i] = cents(rs.getBigDecimal(15));
            int days = rs.getInt(2);
            purchaseDays[i] = days;
            int first = rs.getInt(3);
            last[i] = rs.getInt(4);
            revenueCents[i] = cents(rs.getBigDecimal(5));
            BigDecimal cost = p.ticketCost()
                    .multiply(BigDecimal.valueOf(rs.getInt(7)))
                    .add(p.callCost().multiply(BigDecimal.valueOf(rs.getInt(8))))
                    .add(p.touchCost().multiply(BigDecimal.valueOf(rs.getInt(9))));
            costCents[i] = cents(cost);
            profitCents[i] = cents(rs.getBigDecimal(6).subtract(cost));
            double alive = rs.getDouble(10);
            Double pAlive = rs.wasNull() ? null : alive;
            BigDecimal clv = rs.getBigDecimal(11);
            hasClv[i] = clv != null;
            clvCents[i] = clv == null ? 0 : cents(clv);
            BigDecimal potential = rs.getBigDecimal(12);
            hasPotential[i] = potential != null;
            potentialCents[i] = potential == null ? 0 : cents(potential);
            if (days > 0) {
                buyers++;
                churned[i] = lost(
                        pAlive,
                        days,
                        day - last[i],
                        meanInterval(days, first, last[i]),
                        p.churnAliveBelow(),
                        p.churnSilenceFactor(),
                        p.singleBuyerLostDays());
            }
        }

        /** Between the passes: the ranking and the cuts over the whole population. */
        void cut() {
            byProfit = order(profitCents, null, true);
            for (int k = 0; k < size; k++) {
                profitRank[byProfit[k]] = k + 1;
            }
            vipRanks = share(p.vipShare(), size);
            importantRanks = share(p.importantShare(), size);
            if (buyers > 1) {
                int[] recency = new int[buyers];
                int[] frequency = new int[buyers];
                long[] monetary = new long[buyers];
                for (int i = 0, b = 0; i < size; i++) {
                    if (purchaseDays[i] > 0) {
                        recency[b] = last[i];
                        frequency[b] = purchaseDays[i];
                        monetary[b++] = revenueCents[i];
                    }
                }
                Arrays.sort(recency);
                Arrays.sort(frequency);
                Arrays.sort(monetary);
                int n = buyers - 1;
                for (int k = 1; k <= 4; k++) {
                    int position = (k * n + 4) / 5 - 1;
                    recencyCuts[k - 1] = recency[position];
                    frequencyCuts[k - 1] = frequency[position];
                    monetaryCuts[k - 1] = monetary[position];
                }
            }
            long mvcCount = share(p.mvcShare(), buyers);
            mvcShareEmpty = mvcCount < 1;
            int[] byClv = order(clvCents, hasClv, true);
            long mvcPosition = Math.max(mvcCount - 1, 0);
            if (mvcPosition < size && hasClv[byClv[(int) mvcPosition]]) {
                mvcLast = byClv[(int) mvcPosition];
            }
            long stcCount = share(p.stcShare(), buyers);
            stcShareEmpty = stcCount < 1;
            long stcPosition = Math.max(stcCount - 1, 0);
            int[] byPotential = order(potentialCents, hasPotential, true);
            long seen = 0;
            for (int index : byPotential) {
                if (mvc(index) || churned[index]) {
                    continue;
                }
                if (seen++ == stcPosition) {
                    stcLast = hasPotential[index] ? index : -1;
                    break;
                }
            }
        }

        boolean mvc(int i) {
            return profitCents[i] >= 0
                    && hasClv[i]
                    && clvCents[i] > 0
                    && !mvcShareEmpty
                    && (mvcLast < 0
                            || clvCents[i] > clvCents[mvcLast]
                            || (clvCents[i] == clvCents[mvcLast] && i <= mvcLast));
        }

        boolean inStcShare(int i) {
            return hasPotential[i]
                    && !stcShareEmpty
                    && (stcLast < 0
                            || potentialCents[i] > potentialCents[stcLast]
                            || (potentialCents[i] == potentialCents[stcLast] && i <= stcLast));
        }

        /** The second pass: the rest of customer {@code i}'s row, after its id, refresh and time. */
        void write(int i, ResultSet rs, StringBuilder out) throws SQLException {
            int days = purchaseDays[i];
            boolean buyer = days > 0;
            int first = rs.getInt(3);
            int orders = rs.getInt(15);
            BigDecimal mean = buyer ? meanInterval(days, first, last[i]) : null;
            Integer recency = buyer ? day - last[i] : null;
            double alive = rs.getDouble(10);
            Double pAlive = rs.wasNull() ? null : alive;
            boolean lost = churned[i];
            boolean risky = buyer
                    && lost(
                            pAlive,
                            days,
                            recency,
                            mean,
                            p.atRiskAliveBelow(),
                            p.atRiskSilenceFactor(),
                            p.singleBuyerLostDays() / 2);
            long profit = profitCents[i];
            int rank = profitRank[i];
            String tier = profit > 0 && rank <= vipRanks
                    ? "VIP"
                    : profit > 0 && rank <= importantRanks ? "IMPORTANT" : "ORDINARY";
            Integer r = null;
            Integer f = null;
            Integer m = null;
            if (buyer && buyers <= 1) {
                r = f = m = 1;
            } else if (buyer) {
                r = 1;
                f = 1;
                m = 1;
                for (int k = 0; k < 4; k++) {
                    r += last[i] > recencyCuts[k] ? 1 : 0;
                    f += days > frequencyCuts[k] ? 1 : 0;
                    m += revenueCents[i] > monetaryCuts[k] ? 1 : 0;
                }
            }
            String patronage = rs.getInt(20) >= p.loyaltyMinPurchaseDays() ? "HIGH" : "LOW";
            int recommend = rs.getInt(25);
            boolean noRecommend = rs.wasNull();
            int repurchase = rs.getInt(26);
            String attitude = noRecommend || rs.wasNull()
                    ? null
                    : recommend >= p.attitudeRecommendMin() && repurchase >= p.attitudeRepurchaseMin() ? "HIGH" : "LOW";
            String clvTier = null;
            if (profit < 0) {
                clvTier = "BZC";
            } else if (mvc(i)) {
                clvTier = "MVC";
            } else if (hasPotential[i] && potentialCents[i] > 0 && !lost && inStcShare(i)) {
                clvTier = "STC";
            }
            String stage = null;
            if (buyer) {
                BigDecimal previous = rs.getBigDecimal(22);
                BigDecimal recent = rs.getBigDecimal(23);
                if (lost) {
                    stage = "DECLINE";
                } else if (days == 1 || first > day - p.explorationDays()) {
                    stage = "EXPLORATION";
                } else if (risky) {
                    stage = "DECLINE";
                } else if (recent.compareTo(previous.multiply(BigDecimal.ONE.add(p.lifecycleTrend()))) > 0) {
                    stage = "FORMATION";
                } else if (recent.compareTo(previous.multiply(BigDecimal.ONE.subtract(p.lifecycleTrend()))) < 0) {
                    stage = "DECLINE";
                } else {
                    stage = "STABILITY";
                }
            }
            boolean atRisk = risky && !lost;
            int days12 = rs.getInt(20);
            int daysPrevious12 = rs.getInt(21);
            count(i, buyer, lost, atRisk, days12, daysPrevious12);
            String loyalty = attitude == null ? "UNKNOWN" : loyalty(attitude, patronage);
            long revenueTotal = cents(rs.getBigDecimal(5));
            add(i, 0, tier, revenueTotal);
            add(i, 4, loyalty, revenueTotal);
            if (r != null) {
                add(i, 1, segment(r, f), revenueTotal);
                add(i, 2, GRID[r][f], revenueTotal);
            }
            if (stage != null) {
                add(i, 3, stage, revenueTotal);
            }
            if (clvTier != null) {
                add(i, 5, clvTier, revenueTotal);
            }
            BigDecimal marginTotal = rs.getBigDecimal(18);
            column(out, rs.getString(13)); // owner
            column(out, rs.getString(14)); // team
            column(out, orders);
            column(out, days);
            column(out, rs.getString(16));
            column(out, rs.getString(17));
            column(out, recency);
            column(out, rs.getString(5)); // revenue_total
            column(out, marginTotal.toPlainString());
            column(out, rs.getString(19)); // revenue_12m
            column(out, rs.getString(6)); // margin_12m
            column(out, rs.getString(20));
            column(out, rs.getString(21));
            column(out, rs.getString(22)); // revenue_prev_6m
            column(out, rs.getString(23));
            column(
                    out,
                    orders > 0
                            ? rs.getBigDecimal(5)
                                    .divide(BigDecimal.valueOf(orders), 2, RoundingMode.HALF_UP)
                                    .toPlainString()
                            : null);
            column(out, mean == null ? null : mean.toPlainString());
            column(out, rs.getString(24)); // first_day_amount
            column(out, rs.getString(7));
            column(out, rs.getString(8));
            column(out, rs.getString(9));
            column(out, money(costCents[i]));
            column(out, money(profit));
            column(out, rank);
            column(out, tier);
            column(out, r);
            column(out, f);
            column(out, m);
            column(out, r == null ? null : segment(r, f));
            column(
                    out,
                    mean == null
                            ? null
                            : LocalDate.ofEpochDay(last[i]
                                            + mean.setScale(0, RoundingMode.CEILING)
                                                    .intValueExact())
                                    .toString());
            column(out, buyer ? profitEstimate(marginTotal, day - first + 1) : null);
            column(out, rs.getString(10)); // p_alive
            column(out, rs.getString(27)); // expected_purchases
            column(out, rs.getString(28)); // expected_order_value
            column(out, rs.getString(11)); // clv
            column(out, rs.getString(12)); // clv_potential
            column(out, rs.getString(29)); // clv_method
            column(out, clvTier);
            column(out, patronage);
            column(out, attitude);
            column(out, loyalty);
            column(out, stage);
            column(out, lost ? "t" : "f");
            out.append(atRisk ? "t" : "f").append('\n');
        }

        private void count(int i, boolean buyer, boolean lost, boolean atRisk, int days12, int daysPrevious12) {
            ownerTeams.putIfAbsent(owner[i], team[i]);
            int[] c = ownerCounts.computeIfAbsent(owner[i], k -> new int[8]);
            c[0]++;
            c[1] += buyer ? 1 : 0;
            c[2] += lost ? 1 : 0;
            c[3] += atRisk ? 1 : 0;
            c[4] += daysPrevious12 > 0 ? 1 : 0;
            c[5] += daysPrevious12 > 0 && days12 == 0 ? 1 : 0;
            c[6] += days12 > 0 ? 1 : 0;
            c[7] += days12 > 0 && profitCents[i] <= 0 ? 1 : 0;
        }

        private void add(int i, int dimension, String className, long revenueTotal) {
            Map<String, long[]>[] dimensions = classSums.computeIfAbsent(owner[i], k -> newDimensions());
            long[] sums = dimensions[dimension].computeIfAbsent(className, k -> new long[4]);
            sums[0]++;
            sums[1] += revenue12Cents[i];
            sums[2] += profitCents[i];
            sums[3] += revenueTotal;
        }

        @SuppressWarnings("unchecked")
        private static Map<String, long[]>[] newDimensions() {
            Map<String, long[]>[] dimensions = new Map[DIMENSIONS.size()];
            for (int d = 0; d < dimensions.length; d++) {
                dimensions[d] = new HashMap<>();
            }
            return dimensions;
        }

        List<OwnerRow> owners() {
            List<OwnerRow> rows = new ArrayList<>();
            ownerCounts.forEach((id, c) -> {
                long teamId = ownerTeams.get(id);
                rows.add(new OwnerRow(
                        id, teamId == NO_TEAM ? null : teamId, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]));
            });
            return rows;
        }

        List<OwnerClassRow> ownerClasses() {
            List<OwnerClassRow> rows = new ArrayList<>();
            classSums.forEach((ownerId, dimensions) -> {
                for (int d = 0; d < dimensions.length; d++) {
                    String dimension = DIMENSIONS.get(d);
                    dimensions[d].forEach((className, sums) -> rows.add(new OwnerClassRow(
                            ownerId,
                            dimension,
                            className,
                            (int) sums[0],
                            BigDecimal.valueOf(sums[1], 2),
                            BigDecimal.valueOf(sums[2], 2),
                            BigDecimal.valueOf(sums[3], 2))));
                }
            });
            return rows;
        }

        /**
         * The Pareto sums for everyone, each team and each owner: the scope's customers in profit-rank order, the first
         * ceil(top × size) of them the top (as the live report ranks a scope).
         */
        List<ParetoRow> pareto() {
            BigDecimal top = p.vipShare();
            List<Scope> all = new ArrayList<>(List.of(new Scope("ALL", 0)));
            Map<Long, Integer> teams = new HashMap<>();
            Map<Long, Integer> owners = new HashMap<>();
            // each customer's scopes as positions in all (everyone is 0; no team is -1)
            int[] teamScope = new int[size];
            int[] ownerScope = new int[size];
            for (int i = 0; i < size; i++) {
                ownerScope[i] = owners.computeIfAbsent(owner[i], id -> added(all, new Scope("OWNER", id)));
                teamScope[i] = team[i] == NO_TEAM
                        ? -1
                        : teams.computeIfAbsent(team[i], id -> added(all, new Scope("TEAM", id)));
                all.get(0).size++;
                all.get(ownerScope[i]).size++;
                if (teamScope[i] >= 0) {
                    all.get(teamScope[i]).size++;
                }
            }
            for (Scope scope : all) {
                scope.topCount = share(top, scope.size);
            }
            for (int i : byProfit) {
                long profit = Math.max(profitCents[i], 0);
                all.get(0).take(profit, revenue12Cents[i]);
                all.get(ownerScope[i]).take(profit, revenue12Cents[i]);
                if (teamScope[i] >= 0) {
                    all.get(teamScope[i]).take(profit, revenue12Cents[i]);
                }
            }
            List<ParetoRow> rows = new ArrayList<>();
            for (Scope scope : all) {
                if (scope.size > 0) {
                    rows.add(new ParetoRow(
                            scope.kind,
                            scope.id,
                            top,
                            BigDecimal.valueOf(scope.profitOfTop, 2),
                            BigDecimal.valueOf(scope.profit, 2),
                            BigDecimal.valueOf(scope.revenueOfTop, 2),
                            BigDecimal.valueOf(scope.revenue, 2)));
                }
            }
            return rows;
        }
    }

    /** A Pareto scope while its customers are walked in rank order. */
    private static final class Scope {
        final String kind;
        final long id;
        long size;
        long topCount;
        long position;
        long profitOfTop;
        long profit;
        long revenueOfTop;
        long revenue;

        Scope(String kind, long id) {
            this.kind = kind;
            this.id = id;
        }

        /** The next customer of the scope in rank order. */
        void take(long profitCents, long revenueCents) {
            if (++position <= topCount) {
                profitOfTop += profitCents;
                revenueOfTop += revenueCents;
            }
            profit += profitCents;
            revenue += revenueCents;
        }
    }

    private static int added(List<Scope> scopes, Scope scope) {
        scopes.add(scope);
        return scopes.size() - 1;
    }

    /**
     * Whether a buyer crossed a threshold: P(alive) below {@code aliveBelow} (when the model gave one), or silent for
     * longer than {@code silenceFactor} mean intervals (two purchase days or more), or, after one purchase day, for
     * longer than {@code singleDays}.
     */
    static boolean lost(
            @Nullable Double pAlive,
            int days,
            int recency,
            @Nullable BigDecimal meanInterval,
            BigDecimal aliveBelow,
            BigDecimal silenceFactor,
            int singleDays) {
        if (pAlive != null && pAlive < aliveBelow.doubleValue()) {
            return true;
        }
        if (days > 1 && meanInterval != null) {
            return BigDecimal.valueOf(recency).compareTo(silenceFactor.multiply(meanInterval)) > 0;
        }
        return days == 1 && recency > singleDays;
    }

    /** The mean days between purchase days, to one decimal; null below two purchase days. */
    static @Nullable BigDecimal meanInterval(int days, int first, int last) {
        return days > 1
                ? BigDecimal.valueOf(last - first).divide(BigDecimal.valueOf(days - 1), 1, RoundingMode.HALF_UP)
                : null;
    }

    static String segment(int r, int f) {
        if (r >= 4) {
            return f >= 4 ? "CHAMPIONS" : f >= 2 ? "POTENTIAL_LOYALISTS" : "NEW_CUSTOMERS";
        }
        if (r == 3) {
            return f >= 4 ? "LOYAL" : "NEED_ATTENTION";
        }
        if (f >= 3) {
            return "AT_RISK";
        }
        return r == 2 ? "HIBERNATING" : "LOST";
    }

    static String loyalty(String attitude, String patronage) {
        boolean high = attitude.equals("HIGH");
        boolean repeat = patronage.equals("HIGH");
        return high && repeat ? "LOYAL" : high ? "LATENT" : repeat ? "SPURIOUS" : "NONE";
    }

    /** The margin per year of tenure (a tenure under a year counts as a year), to the cent. */
    static String profitEstimate(BigDecimal marginTotal, int tenureDays) {
        BigDecimal years = BigDecimal.valueOf(tenureDays).max(DAYS_A_YEAR);
        return marginTotal
                .multiply(DAYS_A_YEAR)
                .divide(years, MathContext.DECIMAL128)
                .setScale(2, RoundingMode.HALF_UP)
                .toPlainString();
    }

    /** ceil(share × count), the number of customers a share covers. */
    static long share(BigDecimal share, long count) {
        return share.multiply(BigDecimal.valueOf(count))
                .setScale(0, RoundingMode.CEILING)
                .longValueExact();
    }

    static long cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).unscaledValue().longValueExact();
    }

    static String money(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    /**
     * The indexes 0…n−1 ordered by {@code key} (descending if asked), those without a key ({@code present} false) last,
     * ties by index; by sorting packed primitives (the key's dense rank, the index), not boxed comparators.
     */
    static int[] order(long[] key, boolean @Nullable [] present, boolean descending) {
        int n = key.length;
        long[] distinct = new long[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (present == null || present[i]) {
                distinct[m++] = key[i];
            }
        }
        Arrays.sort(distinct, 0, m);
        int unique = 0;
        for (int i = 0; i < m; i++) {
            if (unique == 0 || distinct[i] != distinct[unique - 1]) {
                distinct[unique++] = distinct[i];
            }
        }
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            long rank;
            if (present != null && !present[i]) {
                rank = unique;
            } else {
                int position = Arrays.binarySearch(distinct, 0, unique, key[i]);
                rank = descending ? unique - 1 - position : position;
            }
            packed[i] = rank << 32 | i;
        }
        Arrays.sort(packed);
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = (int) packed[k];
        }
        return order;
    }

    private static void column(StringBuilder out, @Nullable Object value) {
        out.append(value == null ? NULL : value.toString()).append('\t');
    }
}
