package com.kehu.crm.order.api;

import com.kehu.crm.order.OrderRuleException;
import com.kehu.crm.shared.web.ApiExceptionHandler;
import com.kehu.crm.shared.web.PageJson;
import com.kehu.crm.shared.web.PageView;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * A refused order rule as a problem: with a field, a 400 with that field error; an illegal status move, a 409.
 * The text is the rule's message in the caller's language, never the exception's.
 */
@Component
@RequiredArgsConstructor
class OrderProblems {

    private static final Set<String> CONFLICTS =
            Set.of("order.status.notAllowed", "order.notDraft", "order.cancel.paid", "order.payment.notAccepted");

    private final MessageSource messages;

    ProblemDetail of(OrderRuleException e) {
        String text = messages.getMessage(
                e.messageKey(), e.messageArguments(), e.messageKey(), LocaleContextHolder.getLocale());
        if (CONFLICTS.contains(e.messageKey())) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, text);
            problem.setTitle("Not allowed in this state");
            problem.setProperty("code", e.messageKey());
            return problem;
        }
        String field = e.field() == null ? "request" : e.field();
        return ApiExceptionHandler.fieldProblem(field, e.messageKey(), text);
    }

    static PageJson<?> page(PageView<?> view) {
        return PageJson.of(view);
    }
}
