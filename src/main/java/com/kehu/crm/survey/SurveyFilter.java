package com.kehu.crm.survey;

import org.jspecify.annotations.Nullable;

/** Filters of the response list; all optional. */
public record SurveyFilter(
        @Nullable Long customerId,
        @Nullable Long ticketId,
        @Nullable Long orderId) {

    public static SurveyFilter none() {
        return new SurveyFilter(null, null, null);
    }
}
