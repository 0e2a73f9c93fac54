package com.kehu.crm.survey;

import com.kehu.crm.customer.CustomerAccessLevel;
import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.shared.time.BusinessCalendar;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saves responses: from the customer's link (which is consumed by the same transaction, with a conditional update
 * so two submissions cannot both pass) or recorded by staff over the phone (which consumes the ticket's or order's
 * pending link too, so the customer cannot answer twice).
 */
@Service
@Transactional
@RequiredArgsConstructor
public class SurveyResponses {

    private static final String CONSUME_BY_TOKEN = """
            update survey_invitation set used_at = :now, updated_at = :now, version = version + 1
            where token_hash = :hash and used_at is null and expires_at > :now
            returning id, customer_id, ticket_id, order_id""";

    private static final String INSERT = """
            insert into survey_response (id, customer_id, ticket_id, order_id, invitation_id, channel, overall,
                expectation, performance, repurchase_intent, recommend, comment, recorded_by, created_at, updated_at)
            values (nextval('survey_response_seq'), :customerId, :ticketId, :orderId, :invitationId, :channel,
                :overall, :expectation, :performance, :repurchaseIntent, :recommend, :comment, :recordedBy, :now, :now)
            returning id""";

    private final JdbcClient jdbc;
    private final SurveyQueries queries;
    private final CustomerQueries customers;
    private final BusinessCalendar calendar;

    /** The outcome of answering a link. */
    public enum Submission {
        SAVED,
        ALREADY_ANSWERED,
        INVALID
    }

    /** A response recorded by staff: the customer, or a ticket or order of theirs (at least one of the three). */
    public record Recorded(
            @Nullable Long customerId,
            @Nullable Long ticketId,
            @Nullable Long orderId,
            SurveyAnswers answers) {}

    private record Consumed(
            long invitationId,
            long customerId,
            @Nullable Long ticketId,
            @Nullable Long orderId) {}

    public Submission submitByLink(String token, SurveyAnswers answers) {
        Optional<byte[]> hash = SurveyTokens.hashOf(token);
        if (hash.isEmpty()) {
            return Submission.INVALID;
        }
        requireValid(answers);
        Instant now = calendar.now();
        Optional<Consumed> consumed = jdbc.sql(CONSUME_BY_TOKEN)
                .param("hash", hash.get())
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Consumed(
                        rs.getLong("id"), rs.getLong("customer_id"), (Long) rs.getObject("ticket_id"), (Long)
                                rs.getObject("order_id")))
                .optional();
        if (consumed.isEmpty()) {
            return queries.linkState(token) == LinkState.ANSWERED ? Submission.ALREADY_ANSWERED : Submission.INVALID;
        }
        Consumed c = consumed.get();
        if (answeredAlready(c.ticketId(), c.orderId())) {
            // staff recorded the answers by phone meanwhile; the link stays used
            return Submission.ALREADY_ANSWERED;
        }
        insert(c.customerId(), c.ticketId(), c.orderId(), c.invitationId(), SurveyChannel.LINK, answers, null, now);
        return Submission.SAVED;
    }

    public long record(Recorded command, CurrentUser user) {
        long customerId = customerOf(command);
        if (customers.accessTo(customerId, user) == CustomerAccessLevel.NONE) {
            throw command.ticketId() != null
                    ? SurveyNotFoundException.ticket(command.ticketId())
                    : command.orderId() != null
                            ? SurveyNotFoundException.order(command.orderId())
                            : com.kehu.crm.customer.CustomerNotFoundException.forId(customerId);
        }
        requireValid(command.answers());
        if (answeredAlready(command.ticketId(), command.orderId())) {
            throw new SurveyAlreadyAnsweredException("The ticket or order already has a survey response");
        }
        Instant now = calendar.now();
        Long invitationId = consumePending("ticket_id", command.ticketId(), now);
        Long orderInvitation = consumePending("order_id", command.orderId(), now);
        return insert(
                customerId,
                command.ticketId(),
                command.orderId(),
                invitationId != null ? invitationId : orderInvitation,
                SurveyChannel.PHONE,
                command.answers(),
                user.id(),
                now);
    }

    private long customerOf(Recorded command) {
        Long customerId = command.customerId();
        if (command.ticketId() != null) {
            long ticketId = command.ticketId();
            long owner = queries.ticketCustomer(ticketId).orElseThrow(() -> SurveyNotFoundException.ticket(ticketId));
            if (customerId != null && customerId != owner) {
                throw SurveyNotFoundException.ticket(ticketId);
            }
            customerId = owner;
        }
        if (command.orderId() != null) {
            long orderId = command.orderId();
            long owner = queries.orderCustomer(orderId).orElseThrow(() -> SurveyNotFoundException.order(orderId));
            if (customerId != null && customerId != owner) {
                throw SurveyNotFoundException.order(orderId);
            }
            customerId = owner;
        }
        if (customerId == null) {
            throw new InvalidSurveyAnswersException(
                    List.of(new SurveyRules.Violation("customerId", "survey.error.subject")));
        }
        return customerId;
    }

    private void requireValid(SurveyAnswers a) {
        List<SurveyRules.Violation> violations = SurveyRules.check(
                a.overall(),
                Map.copyOf(a.attributes()),
                a.expectation(),
                a.performance(),
                a.repurchaseIntent(),
                a.recommend(),
                a.comment(),
                queries.activeAttributeCodes());
        if (!violations.isEmpty()) {
            throw new InvalidSurveyAnswersException(violations);
        }
    }

    private boolean answeredAlready(@Nullable Long ticketId, @Nullable Long orderId) {
        if (ticketId == null && orderId == null) {
            return false;
        }
        return jdbc.sql(
                        "select exists (select 1 from survey_response where ticket_id = :ticketId or order_id = :orderId)")
                .param("ticketId", ticketId == null ? -1L : ticketId)
                .param("orderId", orderId == null ? -1L : orderId)
                .query(Boolean.class)
                .single();
    }

    private @Nullable Long consumePending(String column, @Nullable Long subjectId, Instant now) {
        if (subjectId == null) {
            return null;
        }
        // column is one of two constants passed by record(); the value is bound
        return jdbc.sql("update survey_invitation set used_at = :now, updated_at = :now, version = version + 1"
                        + " where " + column + " = :id and used_at is null returning id")
                .param("now", Timestamp.from(now))
                .param("id", subjectId)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    private long insert(
            long customerId,
            @Nullable Long ticketId,
            @Nullable Long orderId,
            @Nullable Long invitationId,
            SurveyChannel channel,
            SurveyAnswers answers,
            @Nullable Long recordedBy,
            Instant now) {
        long id = jdbc.sql(INSERT)
                .param("customerId", customerId)
                .param("ticketId", ticketId, java.sql.Types.BIGINT)
                .param("orderId", orderId, java.sql.Types.BIGINT)
                .param("invitationId", invitationId, java.sql.Types.BIGINT)
                .param("channel", channel.name())
                .param("overall", answers.overall())
                .param("expectation", answers.expectation())
                .param("performance", answers.performance())
                .param("repurchaseIntent", answers.repurchaseIntent())
                .param("recommend", answers.recommend())
                .param("comment", answers.comment(), java.sql.Types.VARCHAR)
                .param("recordedBy", recordedBy, java.sql.Types.BIGINT)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
        answers.attributes()
                .forEach((code, score) -> jdbc.sql(
                                "insert into survey_rating (response_id, attribute_code, score) values (:id, :code, :score)")
                        .param("id", id)
                        .param("code", code)
                        .param("score", score)
                        .update());
        return id;
    }
}
