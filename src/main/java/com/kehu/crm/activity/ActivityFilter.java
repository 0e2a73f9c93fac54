package com.kehu.crm.activity;

import org.jspecify.annotations.Nullable;

/** The API list's filters; all optional. */
public record ActivityFilter(
        @Nullable Long customerId,
        @Nullable Long leadId,
        @Nullable Long opportunityId,
        @Nullable ActivityType type,
        boolean openTasksOnly) {}
