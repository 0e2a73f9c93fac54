package com.kehu.crm.support;

/** Sort keys of the queue; each is a constant ORDER BY with the id as tie-breaker, backed by the queue indexes. */
public enum TicketSort {
    DUE("t.resolution_due_at"),
    CREATED("t.created_at");

    private final String column;

    TicketSort(String column) {
        this.column = column;
    }

    String orderBy(boolean descending) {
        String direction = descending ? " desc" : " asc";
        return column + direction + ", t.id" + direction;
    }
}
