package com.kehu.crm.survey;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One set of answers (the six measures of CATALOG 3.3 S2, the complaint side coming from tickets): overall
 * satisfaction, a rating per attribute, expectation against perceived performance, repurchase intention (1-5 each)
 * and likelihood to recommend (0-10), with an optional comment. Check with {@link SurveyRules} first.
 */
public record SurveyAnswers(
        int overall,
        Map<String, Integer> attributes,
        int expectation,
        int performance,
        int repurchaseIntent,
        int recommend,
        @Nullable String comment) {

    public SurveyAnswers {
        attributes = Map.copyOf(attributes);
        comment = comment == null || comment.isBlank() ? null : comment.strip();
    }
}
