package com.kehu.crm.survey;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The answer rules, shared by the public page, the staff form and the API so they say the same thing: every rating
 * present and in range, a rating for every active attribute and none for another, a comment of at most 2,000
 * characters. Each violation names its field and a message key.
 */
public final class SurveyRules {

    public static final int COMMENT_MAX = 2000;

    /** A broken rule: the form field ({@code attributes[PRICE]} for an attribute) and the message key. */
    public record Violation(String field, String messageKey) {}

    private SurveyRules() {}

    public static List<Violation> check(
            @Nullable Integer overall,
            @Nullable Map<String, @Nullable Integer> attributes,
            @Nullable Integer expectation,
            @Nullable Integer performance,
            @Nullable Integer repurchaseIntent,
            @Nullable Integer recommend,
            @Nullable String comment,
            Collection<String> activeAttributeCodes) {
        List<Violation> violations = new ArrayList<>();
        rating(violations, "overall", overall);
        Map<String, @Nullable Integer> given = attributes == null ? Map.of() : attributes;
        for (String code : activeAttributeCodes) {
            rating(violations, "attributes[" + code + "]", given.get(code));
        }
        given.keySet().stream()
                .filter(code -> !activeAttributeCodes.contains(code))
                .sorted()
                .forEach(code -> violations.add(new Violation("attributes[" + code + "]", "survey.error.attribute")));
        rating(violations, "expectation", expectation);
        rating(violations, "performance", performance);
        rating(violations, "repurchaseIntent", repurchaseIntent);
        if (recommend == null || recommend < 0 || recommend > 10) {
            violations.add(new Violation("recommend", "survey.error.recommend"));
        }
        if (comment != null && comment.strip().length() > COMMENT_MAX) {
            violations.add(new Violation("comment", "survey.error.comment"));
        }
        return violations;
    }

    private static void rating(List<Violation> violations, String field, @Nullable Integer value) {
        if (value == null || value < 1 || value > 5) {
            violations.add(new Violation(field, "survey.error.rating"));
        }
    }
}
