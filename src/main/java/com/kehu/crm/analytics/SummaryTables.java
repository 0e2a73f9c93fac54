package com.kehu.crm.analytics;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The life of the summary tables a refresh builds ({@link MetricsSummaries}, {@link FunnelSummaries}, {@link
 * ServiceSummaries}): each is built as {@code <table>_<refresh id>}, copied into {@code <table>} inside the swap's
 * transaction and dropped after. Table names come from those classes' constants and the refresh id, never from input.
 */
final class SummaryTables {

    private SummaryTables() {}

    /** Replaces the rows of each table by those of its work table of refresh {@code id}: call inside the swap. */
    static void install(JdbcClient jdbc, List<String> tables, long id) {
        for (String table : tables) {
            jdbc.sql("truncate " + table).update();
            jdbc.sql("insert into " + table + " select * from " + table + "_" + id)
                    .update();
        }
    }

    /** Fresh planner statistics for the tables, after {@link #install} replaced their rows. */
    static void analyze(JdbcClient jdbc, List<String> tables) {
        for (String table : tables) {
            jdbc.sql("analyze " + table).update();
        }
    }

    /** Drops the work tables of refresh {@code id} that exist. */
    static void drop(JdbcClient jdbc, List<String> tables, long id) {
        for (String table : tables) {
            jdbc.sql("drop table if exists " + table + "_" + id).update();
        }
    }
}
