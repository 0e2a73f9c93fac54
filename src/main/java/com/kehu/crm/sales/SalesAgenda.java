package com.kehu.crm.sales;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sales part of a rep's "my day": their leads about to return to the pool and their deals expected to close
 * this month. Read-only; each list is one statement on an owner index, with a limit.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class SalesAgenda {

    private final JdbcClient jdbc;
    private final SalesProperties properties;
    private final Clock clock;

    /** A private lead nobody followed up lately; it goes back to the pool at {@code returnsAt}. */
    public record LeadDue(long id, String name, String contactName, Instant lastTouchedAt, Instant returnsAt) {}

    /** An open deal expected to close in the month. */
    public record DealClosing(
            long id,
            String name,
            long customerId,
            String customerName,
            BigDecimal amount,
            String currency,
            PipelineStage stage,
            LocalDate expectedCloseDate) {}

    /**
     * Open leads of the owner whose last follow-up (or claim) is older than {@code poolReturnAfter −
     * poolReturnWarning}: they return to the pool within the warning period unless somebody works them.
     */
    public List<LeadDue> leadsAboutToReturn(long ownerId, int limit) {
        Instant warnFrom = clock.instant().minus(properties.poolReturnAfter()).plus(properties.poolReturnWarning());
        return jdbc.sql("""
                        select id, coalesce(company_name, contact_name) as name, contact_name,
                               coalesce(last_follow_up_at, claimed_at) as last_touched_at
                        from lead
                        where owner_id = :ownerId and status in ('NEW', 'WORKING', 'QUALIFIED')
                          and coalesce(last_follow_up_at, claimed_at) < :warnFrom
                        order by coalesce(last_follow_up_at, claimed_at), id
                        limit :limit""")
                .param("ownerId", ownerId)
                .param("warnFrom", java.sql.Timestamp.from(warnFrom))
                .param("limit", Math.min(Math.max(limit, 1), 200))
                .query((rs, n) -> {
                    Instant touched = rs.getTimestamp("last_touched_at").toInstant();
                    return new LeadDue(
                            rs.getLong("id"),
                            rs.getString("name"),
                            rs.getString("contact_name"),
                            touched,
                            touched.plus(properties.poolReturnAfter()));
                })
                .list();
    }

    /** The owner's open deals with an expected close date in {@code month}, soonest first. */
    public List<DealClosing> dealsClosingIn(long ownerId, YearMonth month, int limit) {
        return jdbc.sql("""
                        select o.id, o.name, o.customer_id, c.name as customer_name, o.amount, o.currency, o.stage,
                               o.expected_close_date
                        from (select * from opportunity
                              where owner_id = :ownerId
                                and stage in ('PROSPECTING', 'QUALIFICATION', 'PROPOSAL', 'NEGOTIATION')
                                and expected_close_date between :first and :last
                              order by expected_close_date, id limit :limit) o
                        join customer c on c.id = o.customer_id
                        order by o.expected_close_date, o.id""")
                .param("ownerId", ownerId)
                .param("first", month.atDay(1))
                .param("last", month.atEndOfMonth())
                .param("limit", Math.min(Math.max(limit, 1), 200))
                .query((rs, n) -> new DealClosing(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getLong("customer_id"),
                        rs.getString("customer_name"),
                        rs.getBigDecimal("amount"),
                        rs.getString("currency").strip(),
                        PipelineStage.valueOf(rs.getString("stage")),
                        rs.getDate("expected_close_date").toLocalDate()))
                .list();
    }
}
