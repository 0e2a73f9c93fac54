package com.kehu.crm.survey;

import com.kehu.crm.customer.CustomerAccess;
import com.kehu.crm.customer.CustomerAccessLevel;
import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.OwnerScope;
import com.kehu.crm.identity.UserQueries;
import com.kehu.crm.identity.UserRef;
import com.kehu.crm.shared.db.PagedSql;
import com.kehu.crm.shared.time.BusinessCalendar;
import com.kehu.crm.shared.web.PageView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads surveys. A response is visible exactly as its customer is: the list joins the customer for its owner and
 * name, so a page is one statement, plus one for the ratings of the whole page and one capped count. SQL is built
 * from constant fragments; values are bound parameters.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class SurveyQueries {

    private static final String FROM = " survey_response r join customer c on c.id = r.customer_id";
    private static final String SELECT = "select r.*, c.name as customer_name from" + FROM;

    private final JdbcClient jdbc;
    private final CustomerAccess access;
    private final CustomerQueries customers;
    private final UserQueries users;
    private final BusinessCalendar calendar;

    private record Row(
            long id,
            long customerId,
            String customerName,
            @Nullable Long ticketId,
            @Nullable Long orderId,
            SurveyChannel channel,
            int overall,
            int expectation,
            int performance,
            int repurchaseIntent,
            int recommend,
            @Nullable String comment,
            @Nullable Long recordedBy,
            Instant createdAt) {}

    public List<SurveyAttributeView> attributes(boolean activeOnly) {
        return jdbc.sql("select * from survey_attribute" + (activeOnly ? " where active" : "")
                        + " order by position, id")
                .query((rs, n) -> new SurveyAttributeView(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getString("label_en"),
                        rs.getString("label_zh"),
                        rs.getInt("position"),
                        rs.getBoolean("active"),
                        rs.getLong("version")))
                .list();
    }

    public List<String> activeAttributeCodes() {
        return attributes(true).stream().map(SurveyAttributeView::code).toList();
    }

    public PageView<SurveyResponseView> list(SurveyFilter filter, int page, int size, CurrentUser user) {
        OwnerScope scope = access.readScope(user);
        int safeSize = Math.min(Math.max(size, 1), 200);
        int safePage = Math.max(page, 0);
        if (scope.isEmpty()) {
            return new PageView<>(List.of(), safeSize, safePage, 0, true);
        }
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!scope.all()) {
            where.append(" and c.owner_id in (:ownerIds)");
            params.put("ownerIds", List.copyOf(scope.ownerIds()));
        }
        if (filter.customerId() != null) {
            where.append(" and r.customer_id = :customerId");
            params.put("customerId", filter.customerId());
        }
        if (filter.ticketId() != null) {
            where.append(" and r.ticket_id = :ticketId");
            params.put("ticketId", filter.ticketId());
        }
        if (filter.orderId() != null) {
            where.append(" and r.order_id = :orderId");
            params.put("orderId", filter.orderId());
        }
        // fragments are constants of this class; every value is a bound parameter
        List<Row> rows = PagedSql.bind(
                        jdbc.sql(SELECT + where + " order by r.created_at desc, r.id desc limit :limit offset :offset"),
                        params)
                .param("limit", safeSize)
                .param("offset", (long) safePage * safeSize)
                .query(SurveyQueries::row)
                .list();
        PageView<Row> view = PagedSql.page(jdbc, rows, safePage, safeSize, FROM + where, params);
        List<SurveyResponseView> content = views(rows);
        return new PageView<>(content, view.size(), view.number(), view.totalElements(), view.totalExact());
    }

    public SurveyResponseView details(long id, CurrentUser user) {
        Row row = jdbc.sql(SELECT + " where r.id = :id")
                .param("id", id)
                .query(SurveyQueries::row)
                .optional()
                .orElseThrow(() -> SurveyNotFoundException.response(id));
        if (customers.accessTo(row.customerId(), user) == CustomerAccessLevel.NONE) {
            throw SurveyNotFoundException.response(id);
        }
        return views(List.of(row)).get(0);
    }

    /** The survey block of a ticket page; 404 when the ticket does not exist or its customer is not visible. */
    public InvitationView forTicket(long ticketId, CurrentUser user) {
        long customerId = ticketCustomer(ticketId).orElseThrow(() -> SurveyNotFoundException.ticket(ticketId));
        return invitationView(customerId, "ticket_id", ticketId, ticketId, null, user);
    }

    /** The survey block of an order page; 404 when the order does not exist or its customer is not visible. */
    public InvitationView forOrder(long orderId, CurrentUser user) {
        long customerId = orderCustomer(orderId).orElseThrow(() -> SurveyNotFoundException.order(orderId));
        return invitationView(customerId, "order_id", orderId, null, orderId, user);
    }

    /** Opening a link: never consumes it. Unknown, malformed and expired tokens are all {@link LinkState#INVALID}. */
    public LinkState linkState(String token) {
        Optional<byte[]> hash = SurveyTokens.hashOf(token);
        if (hash.isEmpty()) {
            return LinkState.INVALID;
        }
        return jdbc.sql("select used_at is not null as used, expires_at > :now as live from survey_invitation"
                        + " where token_hash = :hash")
                .param("hash", hash.get())
                .param("now", Timestamp.from(calendar.now()))
                .query((rs, n) -> rs.getBoolean("used")
                        ? LinkState.ANSWERED
                        : rs.getBoolean("live") ? LinkState.OPEN : LinkState.INVALID)
                .optional()
                .orElse(LinkState.INVALID);
    }

    /** The customer of a ticket (read by id from the support module's table). */
    Optional<Long> ticketCustomer(long ticketId) {
        return jdbc.sql("select customer_id from ticket where id = :id")
                .param("id", ticketId)
                .query(Long.class)
                .optional();
    }

    Optional<Long> orderCustomer(long orderId) {
        return jdbc.sql("select customer_id from sales_order where id = :id")
                .param("id", orderId)
                .query(Long.class)
                .optional();
    }

    private InvitationView invitationView(
            long customerId,
            String column,
            long subjectId,
            @Nullable Long ticketId,
            @Nullable Long orderId,
            CurrentUser user) {
        if (customers.accessTo(customerId, user) == CustomerAccessLevel.NONE) {
            throw ticketId != null
                    ? SurveyNotFoundException.ticket(subjectId)
                    : SurveyNotFoundException.order(subjectId);
        }
        // column is one of two constants chosen by the callers above
        record Invitation(
                long id, Instant expiresAt, @Nullable Instant usedAt) {}
        Invitation invitation = jdbc.sql(
                        "select id, expires_at, used_at from survey_invitation where " + column + " = :id")
                .param("id", subjectId)
                .query((rs, n) -> new Invitation(
                        rs.getLong("id"),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("used_at") == null
                                ? null
                                : rs.getTimestamp("used_at").toInstant()))
                .optional()
                .orElse(null);
        List<Row> answered = jdbc.sql(SELECT + " where r." + column + " = :id")
                .param("id", subjectId)
                .query(SurveyQueries::row)
                .list();
        SurveyResponseView response =
                answered.isEmpty() ? null : views(answered).get(0);
        if (invitation == null) {
            return new InvitationView(
                    customerId,
                    ticketId,
                    orderId,
                    null,
                    response == null ? null : InvitationStatus.ANSWERED,
                    null,
                    response);
        }
        InvitationStatus status = invitation.usedAt() != null || response != null
                ? InvitationStatus.ANSWERED
                : invitation.expiresAt().isAfter(calendar.now()) ? InvitationStatus.PENDING : InvitationStatus.EXPIRED;
        return new InvitationView(
                customerId, ticketId, orderId, invitation.id(), status, invitation.expiresAt(), response);
    }

    private List<SurveyResponseView> views(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<SurveyResponseView.Rating>> ratings = new LinkedHashMap<>();
        jdbc.sql("""
                        select r.response_id, r.attribute_code, r.score, a.label_en, a.label_zh
                        from survey_rating r join survey_attribute a on a.code = r.attribute_code
                        where r.response_id in (:ids) order by a.position, a.id""").param("ids", rows.stream().map(Row::id).toList()).query((ResultSet rs) -> {
            ratings.computeIfAbsent(rs.getLong("response_id"), k -> new ArrayList<>())
                    .add(new SurveyResponseView.Rating(
                            rs.getString("attribute_code"),
                            rs.getString("label_en"),
                            rs.getString("label_zh"),
                            rs.getInt("score")));
        });
        Set<Long> recorders = new HashSet<>();
        rows.stream().map(Row::recordedBy).filter(Objects::nonNull).forEach(recorders::add);
        Map<Long, UserRef> refs = recorders.isEmpty() ? Map.of() : users.refsByIds(recorders);
        return rows.stream()
                .map(r -> {
                    List<SurveyResponseView.Rating> own = ratings.getOrDefault(r.id(), List.of());
                    Map<String, Integer> byCode = new LinkedHashMap<>();
                    own.forEach(rating -> byCode.put(rating.code(), rating.score()));
                    UserRef recorder = r.recordedBy() == null ? null : refs.get(r.recordedBy());
                    return new SurveyResponseView(
                            r.id(),
                            r.customerId(),
                            r.customerName(),
                            r.ticketId(),
                            r.orderId(),
                            r.channel(),
                            r.overall(),
                            byCode,
                            List.copyOf(own),
                            r.expectation(),
                            r.performance(),
                            r.performance() - r.expectation(),
                            r.repurchaseIntent(),
                            r.recommend(),
                            r.comment(),
                            recorder == null ? null : recorder.displayName(),
                            r.createdAt());
                })
                .toList();
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getLong("customer_id"),
                rs.getString("customer_name"),
                (Long) rs.getObject("ticket_id"),
                (Long) rs.getObject("order_id"),
                SurveyChannel.valueOf(rs.getString("channel")),
                rs.getInt("overall"),
                rs.getInt("expectation"),
                rs.getInt("performance"),
                rs.getInt("repurchase_intent"),
                rs.getInt("recommend"),
                rs.getString("comment"),
                (Long) rs.getObject("recorded_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}
