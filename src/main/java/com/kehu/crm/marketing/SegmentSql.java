package com.kehu.crm.marketing;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A segment's criteria as SQL: constant fragments joined with AND, every value a named parameter. The purchase facts
 * ({@code customer_purchase}, one row per buyer) are joined only when a criterion reads them; it is a left join so
 * that "never bought" and win-back (lost customers need not have bought) work, and the planner turns it into an inner
 * join when a condition on it is strict.
 */
record SegmentSql(String from, String where, Map<String, Object> params) {

    static final String CUSTOMERS = "customer c";
    static final String WITH_PURCHASES = "customer c left join customer_purchase p on p.customer_id = c.id";

    /** The profile's employee count when it is a plain number (profile values are text); otherwise null. */
    private static final String EMPLOYEES = "(case when c.profile->>'basic.employees' ~ '^[0-9]{1,9}(\\.[0-9]+)?$'"
            + " then (c.profile->>'basic.employees')::numeric end)";

    static SegmentSql of(SegmentCriteria k, LocalDate today, SegmentProperties settings) {
        StringBuilder w = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!k.includeArchived() || k.winBack()) {
            w.append(" and not c.archived");
        }
        in(w, params, "c.kind", "kinds", k.kinds());
        in(w, params, "c.industry", "industries", k.industries());
        in(w, params, "c.region", "regions", k.regions());
        in(w, params, "c.source", "sources", k.sources());
        in(w, params, "c.status", "statuses", k.statuses());
        in(w, params, "c.importance", "importances", k.importances());
        if (k.ownerId() != null) {
            w.append(" and c.owner_id = :ownerId");
            params.put("ownerId", k.ownerId());
        }
        if (k.teamId() != null) {
            // a team's customers: those of its members and of its manager
            w.append(" and c.owner_id in (select u.id from app_user u where u.team_id = :teamId"
                    + " union select t.manager_id from team t where t.id = :teamId and t.manager_id is not null)");
            params.put("teamId", k.teamId());
        }
        if (!k.tags().isEmpty()) {
            w.append(" and c.tags && array[:tags]::text[]");
            params.put("tags", k.tags());
        }
        if (k.minAge() != null || k.maxAge() != null) {
            // ISO dates compare as text, so no cast can fail on a stored value
            w.append(" and c.kind = 'INDIVIDUAL'");
            if (k.minAge() != null) {
                w.append(" and c.profile->>'basic.birthday' <= :bornOnOrBefore");
                params.put("bornOnOrBefore", today.minusYears(k.minAge()).toString());
            }
            if (k.maxAge() != null) {
                w.append(" and c.profile->>'basic.birthday' > :bornAfter");
                params.put("bornAfter", today.minusYears(k.maxAge() + 1L).toString());
            }
        }
        if (k.minEmployees() != null || k.maxEmployees() != null) {
            w.append(" and c.kind = 'ENTERPRISE'");
            if (k.minEmployees() != null) {
                w.append(" and ").append(EMPLOYEES).append(" >= :minEmployees");
                params.put("minEmployees", k.minEmployees());
            }
            if (k.maxEmployees() != null) {
                w.append(" and ").append(EMPLOYEES).append(" <= :maxEmployees");
                params.put("maxEmployees", k.maxEmployees());
            }
        }
        if (k.lastPurchaseFrom() != null) {
            w.append(" and p.last_order_on >= :lastPurchaseFrom");
            params.put("lastPurchaseFrom", k.lastPurchaseFrom());
        }
        if (k.lastPurchaseTo() != null) {
            w.append(" and p.last_order_on <= :lastPurchaseTo");
            params.put("lastPurchaseTo", k.lastPurchaseTo());
        }
        if (k.noPurchaseForDays() != null) {
            w.append(" and p.last_order_on <= :lapsedSince");
            params.put("lapsedSince", today.minusDays(k.noPurchaseForDays()));
        }
        if (k.minSpend() != null) {
            w.append(" and p.total_amount >= :minSpend");
            params.put("minSpend", k.minSpend());
        }
        if (k.maxSpend() != null) {
            w.append(" and p.total_amount <= :maxSpend");
            params.put("maxSpend", k.maxSpend());
        }
        if (k.dueToReorderWithinDays() != null) {
            w.append(" and p.next_expected_on <= :reorderBy and p.purchase_days >= :reorderMinDays");
            params.put("reorderBy", today.plusDays(k.dueToReorderWithinDays()));
            params.put("reorderMinDays", Math.max(2, settings.reorderMinPurchaseDays()));
        }
        if (k.neverBought()) {
            w.append(" and p.customer_id is null");
        }
        if (k.winBack()) {
            // CATALOG 4.7: lost, or lapsed far beyond their own rhythm; never those not worth retaining
            w.append(" and c.retention_flag is null and (c.status = 'LOST'"
                    + " or (p.purchase_days >= 2"
                    + " and (cast(:today as date) - p.last_order_on) > cast(:winBackFactor as numeric) * p.median_interval_days)"
                    + " or (p.purchase_days = 1 and p.last_order_on < :singleLapseBefore))");
            params.put("today", today);
            params.put("winBackFactor", settings.winBackFactor());
            params.put("singleLapseBefore", today.minusDays(settings.singlePurchaseLapseDays()));
        }
        if (k.campaignId() != null && k.campaignFilter() != null) {
            // probes campaign_member (campaign_id, customer_id, touched_on) once per candidate customer
            String member =
                    "select 1 from campaign_member m where m.campaign_id = :campaignId and m.customer_id = c.id";
            w.append(
                    switch (k.campaignFilter()) {
                        case MEMBERS -> " and exists (" + member + ")";
                        case RESPONDED ->
                            " and exists (" + member + " and m.status in ('RESPONDED', 'ATTENDED', 'CONVERTED'))";
                        case NOT_RESPONDED ->
                            " and exists (" + member + ") and not exists (" + member
                                    + " and m.status in ('RESPONDED', 'ATTENDED', 'CONVERTED'))";
                        case NOT_MEMBERS -> " and not exists (" + member + ")";
                    });
            params.put("campaignId", k.campaignId());
        }
        boolean purchases = k.usesPurchases() || k.neverBought() || k.winBack();
        return new SegmentSql(purchases ? WITH_PURCHASES : CUSTOMERS, w.toString(), params);
    }

    private static void in(StringBuilder w, Map<String, Object> params, String column, String name, List<?> values) {
        if (!values.isEmpty()) {
            w.append(" and ").append(column).append(" in (:").append(name).append(")");
            params.put(name, values.stream().map(v -> ((Enum<?>) v).name()).toList());
        }
    }

    String fromWhere() {
        return from + where;
    }
}
