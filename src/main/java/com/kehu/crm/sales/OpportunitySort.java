package com.kehu.crm.sales;

/** Sort keys of the opportunity list; each maps to a constant ORDER BY with the id as tie-breaker. */
public enum OpportunitySort {
    CLOSE_DATE("o.expected_close_date"),
    AMOUNT("o.amount"),
    NAME("o.name"),
    UPDATED("o.updated_at");

    private final String column;

    OpportunitySort(String column) {
        this.column = column;
    }

    String orderBy(boolean descending) {
        String direction = descending ? " desc" : " asc";
        return column + direction + ", o.id" + direction;
    }
}
