package com.kehu.crm.order;

import com.kehu.crm.identity.UserQueries;
import com.kehu.crm.identity.UserRef;
import com.kehu.crm.shared.timeline.TimelineContributor;
import com.kehu.crm.shared.timeline.TimelineEntry;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders on the customer 360 timeline: an order created, its status changes and the payments received. Each
 * comes from an index on (customer_id, time); the two lists are merged and cut here.
 */
@Component
@Transactional(readOnly = true)
@RequiredArgsConstructor
class OrderTimeline implements TimelineContributor {

    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    private final JdbcClient jdbc;
    private final UserQueries users;

    private record Raw(
            Instant at,
            String kind,
            DefaultMessageSourceResolvable title,
            @Nullable Long by,
            long orderId) {}

    @Override
    public List<TimelineEntry> entries(long customerId, @Nullable Instant before, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        Timestamp until = Timestamp.from(before == null ? END_OF_TIME : before);
        List<Raw> raw = new ArrayList<>(jdbc.sql("""
                        select s.changed_at, s.from_status, s.to_status, s.changed_by, s.order_id, o.order_number
                        from order_status_change s join sales_order o on o.id = s.order_id
                        where s.customer_id = :customerId and s.changed_at < :before
                        order by s.changed_at desc, s.id desc limit :limit""")
                .param("customerId", customerId)
                .param("before", until)
                .param("limit", limit)
                .query((rs, n) -> {
                    String number = rs.getString("order_number");
                    String to = rs.getString("to_status");
                    DefaultMessageSourceResolvable title = rs.getString("from_status") == null
                            ? resolvable("order.timeline.created", number)
                            : resolvable(
                                    "order.timeline.status",
                                    number,
                                    new DefaultMessageSourceResolvable(new String[] {"OrderStatus." + to}, to));
                    return new Raw(
                            rs.getTimestamp("changed_at").toInstant(),
                            "order",
                            title,
                            (Long) rs.getObject("changed_by"),
                            rs.getLong("order_id"));
                })
                .list());
        raw.addAll(jdbc.sql("""
                        select p.recorded_at, p.amount, p.recorded_by, p.order_id, o.order_number, o.currency
                        from payment p join sales_order o on o.id = p.order_id
                        where p.customer_id = :customerId and p.recorded_at < :before
                        order by p.recorded_at desc, p.id desc limit :limit""")
                .param("customerId", customerId)
                .param("before", until)
                .param("limit", limit)
                .query((rs, n) -> {
                    BigDecimal amount = rs.getBigDecimal("amount");
                    return new Raw(
                            rs.getTimestamp("recorded_at").toInstant(),
                            "payment",
                            resolvable(
                                    "order.timeline.payment",
                                    rs.getString("order_number"),
                                    amount.toPlainString() + " " + rs.getString("currency")),
                            rs.getLong("recorded_by"),
                            rs.getLong("order_id"));
                })
                .list());
        List<Raw> newest = raw.stream()
                .sorted(Comparator.comparing(Raw::at).reversed())
                .limit(limit)
                .toList();
        Set<Long> userIds = new HashSet<>();
        newest.stream().map(Raw::by).filter(Objects::nonNull).forEach(userIds::add);
        Map<Long, UserRef> refs = userIds.isEmpty() ? Map.of() : users.refsByIds(userIds);
        return newest.stream()
                .map(r -> new TimelineEntry(
                        r.at(),
                        r.kind(),
                        r.title(),
                        null,
                        r.by() == null || !refs.containsKey(r.by())
                                ? null
                                : refs.get(r.by()).displayName(),
                        "/orders/" + r.orderId()))
                .toList();
    }

    private static DefaultMessageSourceResolvable resolvable(String code, Object... args) {
        return new DefaultMessageSourceResolvable(new String[] {code}, args, code);
    }
}
