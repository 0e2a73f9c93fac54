package com.kehu.crm.survey;

import java.util.List;

/** Answers that break {@link SurveyRules}; nothing was saved. */
public class InvalidSurveyAnswersException extends RuntimeException {

    private final transient List<SurveyRules.Violation> violations;

    public InvalidSurveyAnswersException(List<SurveyRules.Violation> violations) {
        super("Invalid survey answers: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<SurveyRules.Violation> violations() {
        return violations;
    }
}
