package com.kehu.crm.survey;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A response for lists, the detail page and the API. {@code attributes} maps attribute codes to scores; {@code
 * ratings} carries the same with labels, in the attributes' order. {@code gap} is performance minus expectation
 * (the 期望—实绩 model: negative means the customer got less than expected).
 */
public record SurveyResponseView(
        long id,
        long customerId,
        String customerName,
        @Nullable Long ticketId,
        @Nullable Long orderId,
        SurveyChannel channel,
        int overall,
        Map<String, Integer> attributes,
        List<Rating> ratings,
        int expectation,
        int performance,
        int gap,
        int repurchaseIntent,
        int recommend,
        @Nullable String comment,
        @Nullable String recordedByName,
        Instant createdAt) {

    public record Rating(String code, String labelEn, String labelZh, int score) {}
}
