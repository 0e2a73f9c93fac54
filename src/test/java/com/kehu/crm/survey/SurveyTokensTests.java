package com.kehu.crm.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SurveyTokensTests {

    @Test
    void makesUrlSafeTokensOf32RandomBytes() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String token = SurveyTokens.newToken();
            assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(SurveyTokens.hashOf(token))
                    .get()
                    .satisfies(h -> assertThat(h).hasSize(32));
            seen.add(token);
        }
        assertThat(seen).hasSize(100);
    }

    @Test
    void rejectsAnythingThatIsNotShapedLikeAToken() {
        assertThat(SurveyTokens.hashOf("abc")).isEmpty();
        assertThat(SurveyTokens.hashOf("../../etc/passwd")).isEmpty();
        assertThat(SurveyTokens.hashOf(SurveyTokens.newToken() + "=")).isEmpty();
    }

    @Test
    void checksEveryRuleOfTheAnswers() {
        var violations = SurveyRules.check(
                null,
                java.util.Map.of("PRICE", 6, "OTHER", 3),
                0,
                5,
                3,
                -1,
                "x".repeat(2001),
                java.util.List.of("PRICE", "DELIVERY"));
        assertThat(violations)
                .extracting(SurveyRules.Violation::field)
                .containsExactlyInAnyOrder(
                        "overall",
                        "attributes[PRICE]",
                        "attributes[DELIVERY]",
                        "attributes[OTHER]",
                        "expectation",
                        "recommend",
                        "comment");
    }
}
