package com.kehu.crm.survey.api;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /api/v1/surveys/responses}; the rules are {@link com.kehu.crm.survey.SurveyRules}. */
public record SurveyResponseRequest(
        @Nullable Long customerId,
        @Nullable Long ticketId,
        @Nullable Long orderId,
        @Nullable Integer overall,
        @Nullable Map<String, @Nullable Integer> attributes,
        @Nullable Integer expectation,
        @Nullable Integer performance,
        @Nullable Integer repurchaseIntent,
        @Nullable Integer recommend,
        @Nullable String comment) {}
