package com.kehu.crm.sales;

import org.jspecify.annotations.Nullable;

/** The editable facts of a lead, as the form and the API send them. */
public record LeadData(
        @Nullable String companyName,
        String contactName,
        @Nullable String contactTitle,
        @Nullable String phone,
        @Nullable String email,
        LeadSource source,
        @Nullable ProspectList prospectList,
        @Nullable String notes) {}
