package com.kehu.crm.sales;

import org.jspecify.annotations.Nullable;

/** What the lead list shows: a view, optional filters and a search term (company, contact, phone or e-mail). */
public record LeadFilter(
        LeadView view,
        @Nullable String term,
        @Nullable LeadStatus status,
        @Nullable LeadSource source,
        @Nullable ProspectList prospectList) {

    public LeadFilter {
        term = term == null || term.isBlank() ? null : term.strip();
    }

    public static LeadFilter of(LeadView view) {
        return new LeadFilter(view, null, null, null, null);
    }
}
