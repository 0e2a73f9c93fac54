package com.kehu.crm.marketing;

import com.kehu.crm.customer.CustomerKind;
import com.kehu.crm.customer.CustomerSource;
import com.kehu.crm.customer.CustomerStatus;
import com.kehu.crm.customer.Importance;
import com.kehu.crm.customer.Industry;
import com.kehu.crm.customer.Region;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.shared.db.PagedSql;
import com.kehu.crm.shared.time.BusinessCalendar;
import com.kehu.crm.shared.web.PageView;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads segments and their customers. Segment statements read the customer module's table (and the order module's
 * purchase facts) with SQL, marketing fields only; every statement is constant fragments with bound values.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class SegmentQueries {

    public static final int MAX_PAGE_SIZE = 200;

    private static final String SEGMENT = """
            select s.id, s.name, s.description, s.criteria::text as criteria, s.built_in, u.display_name as created_by,
                   s.version, s.created_at, s.updated_at
            from segment s left join app_user u on u.id = s.created_by
            """;

    private static final String CUSTOMER_COLUMNS = "select c.id, c.code, c.name, c.kind, c.industry, c.region,"
            + " c.source, c.status, c.importance, c.tags, c.phone, c.email, o.display_name as owner_name from ";

    private final JdbcClient jdbc;
    private final BusinessCalendar calendar;
    private final SegmentProperties settings;

    /** Built-in segments first, then by name. There are tens of segments, not millions: one page of up to 200. */
    public PageView<SegmentView> list(int page, int size, CurrentUser user) {
        SegmentAccess.require(user);
        int safeSize = Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
        int safePage = Math.max(page, 0);
        List<SegmentView> rows = jdbc.sql(
                        SEGMENT + " order by s.built_in desc, lower(s.name), s.id limit :limit offset :offset")
                .param("limit", safeSize)
                .param("offset", (long) safePage * safeSize)
                .query(SegmentQueries::segment)
                .list();
        return PagedSql.page(jdbc, rows, safePage, safeSize, "segment s", java.util.Map.of());
    }

    public SegmentView get(long id, CurrentUser user) {
        SegmentAccess.require(user);
        return jdbc.sql(SEGMENT + " where s.id = :id")
                .param("id", id)
                .query(SegmentQueries::segment)
                .optional()
                .orElseThrow(() -> SegmentNotFoundException.forId(id));
    }

    /** The exact number of customers the criteria select now. */
    public long count(SegmentCriteria criteria, CurrentUser user) {
        SegmentAccess.require(user);
        SegmentSql sql = sql(criteria);
        return PagedSql.bind(jdbc.sql("select count(*) from " + sql.fromWhere()), sql.params())
                .query(Long.class)
                .single();
    }

    public long count(long segmentId, CurrentUser user) {
        return count(get(segmentId, user).criteria(), user);
    }

    /** A page of the segment's customers by name, with the exact total. */
    public PageView<SegmentCustomer> customers(SegmentCriteria criteria, int page, int size, CurrentUser user) {
        long total = count(criteria, user);
        int safeSize = Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
        int safePage = Math.max(page, 0);
        SegmentSql sql = sql(criteria);
        List<SegmentCustomer> rows = PagedSql.bind(
                        jdbc.sql(CUSTOMER_COLUMNS + sql.from() + " join app_user o on o.id = c.owner_id" + sql.where()
                                + " order by c.name, c.id limit :limit offset :offset"),
                        sql.params())
                .param("limit", safeSize)
                .param("offset", (long) safePage * safeSize)
                .query(SegmentQueries::customer)
                .list();
        return new PageView<>(rows, safeSize, safePage, total, true);
    }

    /**
     * Streams every customer of the segment to {@code sink}, in id order, without holding them in memory (the read-only
     * transaction lets the driver fetch in chunks).
     */
    public void stream(SegmentCriteria criteria, CurrentUser user, CustomerSink sink) {
        SegmentAccess.require(user);
        SegmentSql sql = sql(criteria);
        PagedSql.bind(
                        jdbc.sql(CUSTOMER_COLUMNS + sql.from() + " join app_user o on o.id = c.owner_id" + sql.where()
                                        + " order by c.id")
                                .withFetchSize(1_000),
                        sql.params())
                .query(rs -> {
                    try {
                        sink.accept(customer(rs, 0));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
    }

    /** Receives streamed customers; may write to a response. */
    @FunctionalInterface
    public interface CustomerSink {
        void accept(SegmentCustomer customer) throws java.io.IOException;
    }

    /** Planned and active campaigns, newest first: what a segment can be added to. */
    public List<SegmentCampaign> openCampaigns(CurrentUser user) {
        SegmentAccess.require(user);
        return jdbc.sql("""
                        select id, name, status from campaign where status in ('PLANNED', 'ACTIVE')
                        order by start_on desc, id desc limit 200""")
                .query((rs, n) -> new SegmentCampaign(rs.getLong("id"), rs.getString("name"), rs.getString("status")))
                .list();
    }

    /** Campaigns of any status, newest first: earlier waves whose responses a segment can build on. */
    public List<SegmentCampaign> recentCampaigns(CurrentUser user) {
        SegmentAccess.require(user);
        return jdbc.sql("select id, name, status from campaign order by start_on desc, id desc limit 200")
                .query((rs, n) -> new SegmentCampaign(rs.getLong("id"), rs.getString("name"), rs.getString("status")))
                .list();
    }

    public @Nullable SegmentCampaign campaign(long id, CurrentUser user) {
        SegmentAccess.require(user);
        return jdbc.sql("select id, name, status from campaign where id = :id")
                .param("id", id)
                .query((rs, n) -> new SegmentCampaign(rs.getLong("id"), rs.getString("name"), rs.getString("status")))
                .optional()
                .orElse(null);
    }

    /** Feature 34: customers, buyers and lifetime revenue per source, in one grouped statement. */
    public List<SourceAcquisition> acquisitionBySource(CurrentUser user) {
        SegmentAccess.require(user);
        return jdbc.sql("""
                        select c.source, count(*) as customers, count(p.customer_id) as buyers,
                               coalesce(sum(p.total_amount), 0) as revenue
                        from customer c left join customer_purchase p on p.customer_id = c.id
                        where not c.archived
                        group by c.source order by customers desc, c.source""")
                .query((rs, n) -> new SourceAcquisition(
                        enumOf(CustomerSource.class, rs.getString("source")),
                        rs.getLong("customers"),
                        rs.getLong("buyers"),
                        rs.getBigDecimal("revenue")))
                .list();
    }

    public List<SegmentSnapshotView> snapshots(long segmentId, CurrentUser user) {
        SegmentAccess.require(user);
        return jdbc.sql(SegmentSnapshots.SELECT
                        + " where s.segment_id = :segmentId order by s.started_at desc, s.id desc limit 5")
                .param("segmentId", segmentId)
                .query(SegmentSnapshots::view)
                .list();
    }

    SegmentSql sql(SegmentCriteria criteria) {
        return SegmentSql.of(criteria, calendar.today(), settings);
    }

    private static SegmentView segment(ResultSet rs, int n) throws SQLException {
        return new SegmentView(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("description"),
                SegmentCriteriaConverter.read(rs.getString("criteria")),
                rs.getBoolean("built_in"),
                rs.getString("created_by"),
                rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static SegmentCustomer customer(ResultSet rs, int n) throws SQLException {
        return new SegmentCustomer(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                CustomerKind.valueOf(rs.getString("kind")),
                enumOf(Industry.class, rs.getString("industry")),
                enumOf(Region.class, rs.getString("region")),
                enumOf(CustomerSource.class, rs.getString("source")),
                CustomerStatus.valueOf(rs.getString("status")),
                Importance.valueOf(rs.getString("importance")),
                tags(rs.getArray("tags")),
                rs.getString("phone"),
                rs.getString("email"),
                rs.getString("owner_name"));
    }

    private static List<String> tags(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static <E extends Enum<E>> @Nullable E enumOf(Class<E> type, @Nullable String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }
}
