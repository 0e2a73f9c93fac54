package com.kehu.crm.survey;

import com.kehu.crm.customer.CustomerAccessLevel;
import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.notification.NotificationService;
import com.kehu.crm.order.OrderCompleted;
import com.kehu.crm.shared.time.BusinessCalendar;
import com.kehu.crm.support.TicketClosed;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invites customers to a survey after the service (CATALOG 3.3 S8: satisfaction is assessed after consumption). The
 * listeners run synchronously in the closing or completing transaction, so a rolled-back close invites nobody; a
 * unique index per ticket and per order keeps it to one invitation each, whatever the number of events.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class SurveyInvitations {

    // the subject column is one of these constants, never input
    private static final String INSERT = """
            insert into survey_invitation (id, token_hash, customer_id, %s, expires_at, created_at, updated_at)
            values (nextval('survey_invitation_seq'), :hash, :customerId, :subjectId, :expiresAt, :now, :now)
            on conflict do nothing
            returning id""";

    private final JdbcClient jdbc;
    private final SurveyProperties properties;
    private final BusinessCalendar calendar;
    private final NotificationService notifications;
    private final CustomerQueries customers;

    @EventListener
    public void on(TicketClosed event) {
        if (!properties.onTicketClose()) {
            return;
        }
        insert("ticket_id", event.ticketId(), event.customerId()).ifPresent(id -> {
            Long assignee = jdbc.sql("select assignee_id from ticket where id = :id")
                    .param("id", event.ticketId())
                    .query((rs, n) -> (Long) rs.getObject("assignee_id"))
                    .optional()
                    .orElse(null);
            notifyLinkReady(
                    assignee == null ? event.closedBy() : assignee,
                    "survey.notification.ticket",
                    String.valueOf(event.ticketId()),
                    "/tickets/" + event.ticketId(),
                    "survey-ticket:" + event.ticketId());
        });
    }

    @EventListener
    public void on(OrderCompleted event) {
        if (!properties.onOrderComplete()) {
            return;
        }
        insert("order_id", event.orderId(), event.customerId()).ifPresent(id -> {
            record Order(long createdBy, String number) {}
            Order order = jdbc.sql("select created_by, order_number from sales_order where id = :id")
                    .param("id", event.orderId())
                    .query((rs, n) -> new Order(rs.getLong("created_by"), rs.getString("order_number")))
                    .single();
            notifyLinkReady(
                    order.createdBy(),
                    "survey.notification.order",
                    order.number(),
                    "/orders/" + event.orderId(),
                    "survey-order:" + event.orderId());
        });
    }

    /**
     * A new link for an unanswered invitation, shown once to staff: the previous link stops working (only one hash
     * is kept) and the validity starts again. Whoever may see the customer may issue it.
     */
    public IssuedLink issueLink(long invitationId, CurrentUser user) {
        Long customerId = jdbc.sql("select customer_id from survey_invitation where id = :id")
                .param("id", invitationId)
                .query(Long.class)
                .optional()
                .orElse(null);
        if (customerId == null || customers.accessTo(customerId, user) == CustomerAccessLevel.NONE) {
            throw SurveyNotFoundException.invitation(invitationId);
        }
        String token = SurveyTokens.newToken();
        Instant now = calendar.now();
        Instant expiresAt = now.plus(properties.linkValidFor());
        int updated = jdbc.sql("update survey_invitation set token_hash = :hash, expires_at = :expiresAt,"
                        + " updated_at = :now, version = version + 1 where id = :id and used_at is null")
                .param("hash", SurveyTokens.sha256(token))
                .param("expiresAt", Timestamp.from(expiresAt))
                .param("now", Timestamp.from(now))
                .param("id", invitationId)
                .update();
        if (updated == 0) {
            throw new SurveyAlreadyAnsweredException("Invitation " + invitationId + " was answered");
        }
        return new IssuedLink(invitationId, token, expiresAt);
    }

    private Optional<Long> insert(String column, long subjectId, long customerId) {
        Instant now = calendar.now();
        // the token of the first link is not kept anywhere: staff issue the link they send from the ticket or order
        return jdbc.sql(INSERT.formatted(column))
                .param("hash", SurveyTokens.sha256(SurveyTokens.newToken()))
                .param("customerId", customerId)
                .param("subjectId", subjectId)
                .param("expiresAt", Timestamp.from(now.plus(properties.linkValidFor())))
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .optional();
    }

    private void notifyLinkReady(long recipient, String key, String subject, String link, String dedupKey) {
        notifications.notify(recipient, "SURVEY_LINK", key, List.of(subject), link, dedupKey);
    }
}
