package com.kehu.crm.sales;

import java.util.List;

/**
 * The kanban board: one column per stage with its totals and the first cards in close-date order. Won and lost
 * columns show deals closed in the last {@link #CLOSED_DAYS} days.
 */
public record PipelineBoard(PipelineScope scope, List<Column> columns) {

    public static final int CLOSED_DAYS = 30;

    public record Column(
            PipelineStage stage,
            long count,
            List<MoneyTotal> amounts,
            List<MoneyTotal> weighted,
            List<OpportunityRow> cards) {

        public boolean hasMore() {
            return count > cards.size();
        }
    }
}
