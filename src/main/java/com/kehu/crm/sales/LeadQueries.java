package com.kehu.crm.sales;

import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.OwnerScope;
import com.kehu.crm.identity.UserQueries;
import com.kehu.crm.shared.db.PagedSql;
import com.kehu.crm.shared.db.TextSearch;
import com.kehu.crm.shared.export.ExportSink;
import com.kehu.crm.shared.web.PageView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads leads. The record rule is part of every statement: pool leads are every seller's, a private lead is its
 * owner's, their manager's and the admins'. SQL is assembled from constant fragments; user input is always bound.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class LeadQueries {

    public static final int COUNT_CAP = PagedSql.COUNT_CAP;

    private static final String COLUMNS = """
            l.id, l.company_name, l.contact_name, l.contact_title, l.phone, l.email, l.source, l.prospect_list,
            l.status, l.owner_id, l.claimed_at, l.last_follow_up_at, l.willing_to_buy, l.able_to_pay,
            l.has_authority, l.disqualify_reason, l.confirmed_by, l.confirmed_at, l.converted_customer_id,
            l.converted_contact_id, l.converted_opportunity_id, l.notes, l.version, l.created_at, l.updated_at""";

    /** Owner names are joined after the page is cut: 25 look-ups, whatever the number of matches. */
    private static final String PAGE = """
            select l.*, o.display_name as owner_name, cb.display_name as confirmed_by_name
            from (select %s from lead l %s order by l.created_at desc, l.id desc limit :limit offset :offset) l
            left join app_user o on o.id = l.owner_id
            left join app_user cb on cb.id = l.confirmed_by
            order by l.created_at desc, l.id desc""";

    /** A search sorts at most COUNT_CAP + 1 matches found by the index scans (as the customer search does). */
    private static final String SEARCH_PAGE = """
            select l.*, o.display_name as owner_name, cb.display_name as confirmed_by_name
            from (select * from (select %s from lead l %s limit :searchCap) l
                  order by l.created_at desc, l.id desc limit :limit offset :offset) l
            left join app_user o on o.id = l.owner_id
            left join app_user cb on cb.id = l.confirmed_by
            order by l.created_at desc, l.id desc""";

    private static final String STREAM = """
            select %s, o.display_name as owner_name, cb.display_name as confirmed_by_name
            from lead l
            left join app_user o on o.id = l.owner_id
            left join app_user cb on cb.id = l.confirmed_by
            %s
            order by l.created_at desc, l.id desc""";

    private static final String ONE = """
            select %s, o.display_name as owner_name, cb.display_name as confirmed_by_name
            from lead l
            left join app_user o on o.id = l.owner_id
            left join app_user cb on cb.id = l.confirmed_by
            where l.id = :id""";

    private static final String OPEN = "('NEW', 'WORKING', 'QUALIFIED')";

    private final JdbcClient jdbc;
    private final UserQueries users;
    private final SalesProperties properties;

    /** The views this user may choose; reps have no team view, and confirmation only exists when switched on. */
    public List<LeadView> viewsFor(CurrentUser user) {
        if (!LeadService.isSeller(user)) {
            return List.of();
        }
        List<LeadView> views = new ArrayList<>(List.of(LeadView.POOL, LeadView.MINE));
        if (user.isManager() || user.isAdmin()) {
            views.add(LeadView.TEAM);
            if (properties.managerConfirmsQualified()) {
                views.add(LeadView.AWAITING_CONFIRMATION);
            }
        }
        return views;
    }

    public PageView<LeadRow> list(LeadFilter filter, int page, int size, CurrentUser user) {
        LeadService.requireSeller(user);
        int safeSize = Math.min(Math.max(size, 1), 200);
        int safePage = Math.max(page, 0);
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, user, params);
        String term = filter.term();
        // every fragment is a constant of this class; every value is a bound parameter
        String template = term == null ? PAGE : SEARCH_PAGE;
        List<LeadRow> rows = PagedSql.bind(jdbc.sql(template.formatted(COLUMNS, where)), params)
                .param("limit", safeSize)
                .param("offset", (long) safePage * safeSize)
                .param("searchCap", COUNT_CAP + 1)
                .query(LeadQueries::row)
                .list();
        return PagedSql.page(jdbc, rows, safePage, safeSize, "lead l" + where, params);
    }

    /** The list's WHERE clause for the chosen view and filters (constant fragments), its values put into params. */
    private String where(LeadFilter filter, CurrentUser user, Map<String, Object> params) {
        LeadView view = viewsFor(user).contains(filter.view()) ? filter.view() : LeadView.MINE;
        OwnerScope scope = users.ownerScope(user);
        StringBuilder where = new StringBuilder(" where ");
        switch (view) {
            case POOL -> where.append("l.owner_id is null and l.status in " + OPEN);
            case MINE -> {
                where.append("l.owner_id = :me");
                params.put("me", user.id());
            }
            case TEAM -> where.append(ownerCondition(scope, params));
            case AWAITING_CONFIRMATION ->
                where.append("l.status = 'QUALIFIED' and l.confirmed_at is null and " + ownerCondition(scope, params));
        }
        if (filter.status() != null) {
            where.append(" and l.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.source() != null) {
            where.append(" and l.source = :source");
            params.put("source", filter.source().name());
        }
        if (filter.prospectList() != null) {
            where.append(" and l.prospect_list = :prospectList");
            params.put("prospectList", filter.prospectList().name());
        }
        String term = filter.term();
        if (term != null) {
            appendSearch(where, params, term);
        }
        return where.toString();
    }

    /**
     * Every lead the list would show for this view and filter (a search not capped), newest first, streamed to
     * {@code sink} inside this read-only transaction.
     */
    public void stream(LeadFilter filter, CurrentUser user, ExportSink<LeadRow> sink) {
        LeadService.requireSeller(user);
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, user, params);
        PagedSql.stream(PagedSql.bind(jdbc.sql(STREAM.formatted(COLUMNS, where)), params), LeadQueries::row, sink);
    }

    /** One lead, if the user may see it; otherwise {@link LeadNotFoundException}, as if it did not exist. */
    public LeadRow details(long id, CurrentUser user) {
        LeadService.requireSeller(user);
        LeadRow row = jdbc.sql(ONE.formatted(COLUMNS))
                .param("id", id)
                .query(LeadQueries::row)
                .optional()
                .orElseThrow(() -> new LeadNotFoundException(id));
        if (row.ownerId() != null && !users.ownerScope(user).includes(row.ownerId())) {
            throw new LeadNotFoundException(id);
        }
        return row;
    }

    /** The same rules as {@link LeadService} and {@link LeadConversionService}, for showing the right buttons. */
    public LeadActions actions(LeadRow lead, CurrentUser user) {
        boolean open = lead.status().isOpen();
        boolean boss = user.isManager() || user.isAdmin();
        boolean owned = lead.ownerId() != null && users.ownerScope(user).includes(lead.ownerId());
        boolean confirmationRequired = properties.managerConfirmsQualified();
        boolean qualified = lead.status() == LeadStatus.QUALIFIED;
        boolean confirmed = lead.confirmedAt() != null;
        boolean mayChange = owned || (lead.inPool() && boss);
        return new LeadActions(
                open && lead.inPool() && (user.role() != com.kehu.crm.identity.Role.ADMIN),
                open && owned,
                open && owned,
                open && boss && (lead.inPool() || owned),
                confirmationRequired && boss && owned && qualified && !confirmed,
                owned && qualified && (!confirmationRequired || confirmed),
                open && mayChange,
                lead.status() != LeadStatus.CONVERTED && lead.convertedCustomerId() == null && mayChange,
                confirmationRequired);
    }

    private static String ownerCondition(OwnerScope scope, Map<String, Object> params) {
        if (scope.all()) {
            return "l.owner_id is not null";
        }
        params.put("ownerIds", List.copyOf(scope.ownerIds()));
        return "l.owner_id in (:ownerIds)";
    }

    /**
     * Company or contact name (substring through the bigram index, or a one-character prefix such as a surname), or
     * a prefix of the phone digits or the e-mail address. Each branch has its own index (V10).
     */
    private static void appendSearch(StringBuilder where, Map<String, Object> params, String term) {
        String lower = term.toLowerCase(Locale.ROOT);
        List<String> branches = new ArrayList<>();
        if (lower.codePointCount(0, lower.length()) >= 2) {
            params.put("nameLower", lower);
            params.put("nameContains", "%" + TextSearch.escapeLike(lower) + "%");
            branches.add("(l.name_bigrams @> kehu_bigrams(:nameLower) and lower(coalesce(l.company_name, '') || ' '"
                    + " || l.contact_name) like :nameContains escape '\\')");
        } else {
            params.put("namePrefix", TextSearch.escapeLike(lower) + "%");
            branches.add("lower(l.company_name) like :namePrefix escape '\\'");
            branches.add("lower(l.contact_name) like :namePrefix escape '\\'");
        }
        if (TextSearch.isPhoneLike(term)) {
            branches.add("l.phone_digits like :phonePrefix");
            params.put("phonePrefix", TextSearch.digits(term) + "%");
        }
        if (lower.length() >= 3 && !lower.contains(" ")) {
            branches.add("lower(l.email) like :emailPrefix escape '\\'");
            params.put("emailPrefix", TextSearch.escapeLike(lower) + "%");
        }
        where.append(" and (").append(String.join(" or ", branches)).append(")");
    }

    private static LeadRow row(ResultSet rs, int rowNum) throws SQLException {
        String prospectList = rs.getString("prospect_list");
        return new LeadRow(
                rs.getLong("id"),
                rs.getString("company_name"),
                rs.getString("contact_name"),
                rs.getString("contact_title"),
                rs.getString("phone"),
                rs.getString("email"),
                LeadSource.valueOf(rs.getString("source")),
                prospectList == null ? null : ProspectList.valueOf(prospectList),
                LeadStatus.valueOf(rs.getString("status")),
                nullableLong(rs, "owner_id"),
                rs.getString("owner_name"),
                instant(rs.getTimestamp("claimed_at")),
                instant(rs.getTimestamp("last_follow_up_at")),
                nullableBoolean(rs, "willing_to_buy"),
                nullableBoolean(rs, "able_to_pay"),
                nullableBoolean(rs, "has_authority"),
                rs.getString("disqualify_reason"),
                rs.getString("confirmed_by_name"),
                instant(rs.getTimestamp("confirmed_at")),
                nullableLong(rs, "converted_customer_id"),
                nullableLong(rs, "converted_contact_id"),
                nullableLong(rs, "converted_opportunity_id"),
                rs.getString("notes"),
                rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static @Nullable Boolean nullableBoolean(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
