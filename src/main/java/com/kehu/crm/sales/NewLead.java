package com.kehu.crm.sales;

import org.jspecify.annotations.Nullable;

/** Register a lead; {@code keepForMyself} puts a rep's own find straight into their private leads. */
public record NewLead(
        @Nullable String companyName,
        String contactName,
        @Nullable String phone,
        @Nullable String email,
        LeadSource source,
        @Nullable ProspectList prospectList,
        boolean keepForMyself) {}
