package com.kehu.crm.survey.web;

import com.kehu.crm.survey.SurveyAnswers;
import com.kehu.crm.survey.SurveyRules;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;

/** The answers as typed on the public page and on the staff form; {@link #validate} puts messages next to fields. */
@Getter
@Setter
public class SurveyForm {

    private @Nullable Integer overall;
    private Map<String, @Nullable Integer> attributes = new LinkedHashMap<>();
    private @Nullable Integer expectation;
    private @Nullable Integer performance;
    private @Nullable Integer repurchaseIntent;
    private @Nullable Integer recommend;
    private @Nullable String comment;

    // the staff form only: what the response is about
    private @Nullable Long customerId;
    private @Nullable Long ticketId;
    private @Nullable Long orderId;

    void validate(BindingResult result, Collection<String> activeCodes) {
        for (SurveyRules.Violation v : SurveyRules.check(
                overall, attributes, expectation, performance, repurchaseIntent, recommend, comment, activeCodes)) {
            // a value that is not a number at all already carries the binder's error
            if (!result.hasFieldErrors(v.field())) {
                result.rejectValue(v.field(), v.messageKey());
            }
        }
    }

    SurveyAnswers toAnswers() {
        Map<String, Integer> ratings = new LinkedHashMap<>();
        attributes.forEach((code, score) -> ratings.put(code, Objects.requireNonNull(score)));
        return new SurveyAnswers(
                Objects.requireNonNull(overall),
                ratings,
                Objects.requireNonNull(expectation),
                Objects.requireNonNull(performance),
                Objects.requireNonNull(repurchaseIntent),
                Objects.requireNonNull(recommend),
                comment);
    }
}
