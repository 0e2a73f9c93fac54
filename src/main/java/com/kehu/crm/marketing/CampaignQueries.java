package com.kehu.crm.marketing;

import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.Role;
import com.kehu.crm.identity.UserRef;
import com.kehu.crm.shared.db.PagedSql;
import com.kehu.crm.shared.db.TextSearch;
import com.kehu.crm.shared.web.PageView;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of campaigns for screens and the API, in SQL: every marketer, manager and admin reads every campaign; other
 * roles read none (403). Lists are paged and N+1 free; the target list streams.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class CampaignQueries {

    private static final String ROW_COLUMNS = """
            c.id, c.name, c.type, c.status, c.start_on, c.end_on, c.owner_id, u.display_name as owner_name, c.budget,
            c.spent, c.currency, (select count(*) from campaign_member m where m.campaign_id = c.id) as members""";

    private static final String MEMBER_COLUMNS = """
            m.id, m.member_type, m.status, m.sent_on, m.responded_on, m.attended_on, m.converted_on, m.customer_id,
            m.lead_id, m.converted_lead_id,
            case m.member_type when 'CUSTOMER' then cu.name when 'CONTACT' then ct.name
                 when 'LEAD' then coalesce(l.company_name, l.contact_name) else m.prospect_name end as name,
            case m.member_type when 'CONTACT' then cu.name when 'LEAD' then l.company_name
                 when 'PROSPECT' then m.prospect_company end as company,
            case m.member_type when 'CONTACT' then ct.name when 'LEAD' then l.contact_name
                 when 'PROSPECT' then m.prospect_name end as contact_person,
            case m.member_type when 'CUSTOMER' then cu.phone when 'CONTACT' then coalesce(ct.mobile, ct.office_phone)
                 when 'LEAD' then l.phone else m.prospect_phone end as phone,
            case m.member_type when 'CUSTOMER' then cu.email when 'CONTACT' then ct.email when 'LEAD' then l.email
                 else m.prospect_email end as email,
            case when m.member_type in ('CUSTOMER', 'CONTACT') then cu.region end as region""";

    private static final String MEMBER_JOINS = """
            left join customer cu on cu.id = m.customer_id
            left join contact ct on ct.id = m.contact_id
            left join lead l on l.id = m.lead_id""";

    private final JdbcClient jdbc;

    static boolean isMarketing(CurrentUser user) {
        return user.role() == Role.MARKETER || user.role() == Role.MANAGER || user.role() == Role.ADMIN;
    }

    static void requireMarketing(CurrentUser user) {
        if (!isMarketing(user)) {
            throw new AccessDeniedException("Campaigns are for marketers, managers and admins");
        }
    }

    public PageView<CampaignRow> list(CampaignFilter filter, int page, int size, CurrentUser user) {
        requireMarketing(user);
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder("campaign c where true");
        if (filter.status() != null) {
            where.append(" and c.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.type() != null) {
            where.append(" and c.type = :type");
            params.put("type", filter.type().name());
        }
        String q = filter.q() == null ? "" : filter.q().strip();
        if (!q.isEmpty()) {
            where.append(" and lower(c.name) like :namePrefix escape '\\'");
            params.put("namePrefix", TextSearch.escapeLike(q.toLowerCase(Locale.ROOT)) + "%");
        }
        String fromWhere = where.toString();
        List<CampaignRow> rows = PagedSql.bind(
                        jdbc.sql("select " + ROW_COLUMNS + " from "
                                + fromWhere.replace("campaign c", "campaign c join app_user u on u.id = c.owner_id")
                                + " order by c.start_on desc, c.id desc limit :limit offset :offset"),
                        params)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> row(rs))
                .list();
        return PagedSql.page(jdbc, rows, page, size, fromWhere, params);
    }

    public CampaignDetails details(long id, CurrentUser user) {
        requireMarketing(user);
        CampaignDetails details = jdbc.sql("select " + ROW_COLUMNS + """
                        , c.objective, c.attribution_days, c.show_kind, c.show_organiser, c.show_venue, c.show_booth,
                          c.created_by, c.version
                        from campaign c join app_user u on u.id = c.owner_id where c.id = :id""")
                .param("id", id)
                .query((rs, n) -> new CampaignDetails(
                        row(rs),
                        rs.getString("objective"),
                        rs.getInt("attribution_days"),
                        rs.getString("show_kind") == null ? null : ShowKind.valueOf(rs.getString("show_kind")),
                        rs.getString("show_organiser"),
                        rs.getString("show_venue"),
                        rs.getString("show_booth"),
                        rs.getLong("created_by"),
                        rs.getLong("version"),
                        user.isManager()
                                || user.isAdmin()
                                || rs.getLong("owner_id") == user.id()
                                || rs.getLong("created_by") == user.id(),
                        Map.of()))
                .optional()
                .orElseThrow(() -> CampaignNotFoundException.forId(id));
        Map<CampaignMemberStatus, Long> counts = new EnumMap<>(CampaignMemberStatus.class);
        for (CampaignMemberStatus s : CampaignMemberStatus.values()) {
            counts.put(s, 0L);
        }
        jdbc.sql("select status, count(*) as n from campaign_member where campaign_id = :id group by status")
                .param("id", id)
                .query(rs -> {
                    counts.put(CampaignMemberStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                });
        return new CampaignDetails(
                details.row(),
                details.objective(),
                details.attributionDays(),
                details.showKind(),
                details.showOrganiser(),
                details.showVenue(),
                details.showBooth(),
                details.createdBy(),
                details.version(),
                details.changeable(),
                counts);
    }

    public PageView<CampaignMemberRow> members(
            long campaignId, @Nullable CampaignMemberStatus status, int page, int size, CurrentUser user) {
        requireVisible(campaignId, user);
        Map<String, Object> params = new HashMap<>();
        params.put("campaignId", campaignId);
        String fromWhere = "campaign_member m where m.campaign_id = :campaignId";
        if (status != null) {
            fromWhere += " and m.status = :status";
            params.put("status", status.name());
        }
        List<CampaignMemberRow> rows = PagedSql.bind(
                        jdbc.sql("select " + MEMBER_COLUMNS + " from (select * from " + fromWhere
                                + " order by m.id desc limit :limit offset :offset) m " + MEMBER_JOINS
                                + " order by m.id desc"),
                        params)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> member(rs))
                .list();
        return PagedSql.page(jdbc, rows, page, size, fromWhere, params);
    }

    /** Streams the campaign's whole target list, for exports; call inside this read-only transaction. */
    public void streamMembers(long campaignId, CurrentUser user, Consumer<CampaignMemberRow> consumer) {
        requireVisible(campaignId, user);
        try (var rows = jdbc
                .sql("select " + MEMBER_COLUMNS + " from campaign_member m " + MEMBER_JOINS
                        + " where m.campaign_id = :campaignId order by m.id")
                .param("campaignId", campaignId)
                .withFetchSize(500)
                .query((rs, n) -> member(rs))
                .stream()) {
            rows.forEach(consumer);
        }
    }

    public List<CampaignExpenseRow> expenses(long campaignId, CurrentUser user) {
        requireVisible(campaignId, user);
        return jdbc.sql("""
                        select e.id, e.spent_on, e.category, e.amount, e.note, u.display_name
                        from campaign_expense e join app_user u on u.id = e.recorded_by
                        where e.campaign_id = :id order by e.spent_on desc, e.id desc""")
                .param("id", campaignId)
                .query((rs, n) -> new CampaignExpenseRow(
                        rs.getLong("id"),
                        rs.getObject("spent_on", LocalDate.class),
                        ExpenseCategory.valueOf(rs.getString("category")),
                        rs.getBigDecimal("amount"),
                        rs.getString("note"),
                        rs.getString("display_name")))
                .list();
    }

    public List<CampaignTaskRow> tasks(long campaignId, CurrentUser user) {
        requireVisible(campaignId, user);
        return jdbc.sql("""
                        select t.id, t.phase, t.title, t.due_on, u.display_name, t.done
                        from campaign_task t left join app_user u on u.id = t.assignee_id
                        where t.campaign_id = :id
                        order by array_position(array['PRE_SHOW', 'DURING_SHOW', 'POST_SHOW'], t.phase),
                                 t.due_on nulls last, t.id""")
                .param("id", campaignId)
                .query((rs, n) -> new CampaignTaskRow(
                        rs.getLong("id"),
                        CampaignTaskPhase.valueOf(rs.getString("phase")),
                        rs.getString("title"),
                        rs.getObject("due_on", LocalDate.class),
                        rs.getString("display_name"),
                        rs.getBoolean("done")))
                .list();
    }

    /** Who may own a campaign: active marketers, managers and admins. */
    public List<UserRef> owners() {
        return jdbc.sql("""
                        select id, username, display_name from app_user
                        where enabled and role in ('MARKETER', 'MANAGER', 'ADMIN') order by display_name, id""")
                .query((rs, n) -> new UserRef(rs.getLong("id"), rs.getString("username"), rs.getString("display_name")))
                .list();
    }

    boolean isOwnerCandidate(long userId) {
        return owners().stream().anyMatch(u -> u.id() == userId);
    }

    /** Customers by a part of the name or a prefix of the code: id, name, code, region only. */
    public List<CampaignLookup> findCustomers(String term, CurrentUser user) {
        requireMarketing(user);
        String t = term.strip();
        if (t.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>();
        String name = TextSearch.nameCondition("c", t.toLowerCase(Locale.ROOT), params);
        params.put("codePrefix", TextSearch.escapeLike(t.toUpperCase(Locale.ROOT)) + "%");
        return PagedSql.bind(
                        jdbc.sql("select c.id, c.name, c.code, c.region from customer c where not c.archived and ("
                                + name + " or c.code like :codePrefix escape '\\') order by c.name, c.id limit 10"),
                        params)
                .query((rs, n) -> new CampaignLookup(
                        rs.getLong("id"), rs.getString("name"), rs.getString("code"), rs.getString("region")))
                .list();
    }

    public List<CampaignLookup> contactsOf(long customerId, CurrentUser user) {
        requireMarketing(user);
        return jdbc.sql("""
                        select id, name, title from contact where customer_id = :id order by name, id limit 100""")
                .param("id", customerId)
                .query((rs, n) ->
                        new CampaignLookup(rs.getLong("id"), rs.getString("name"), rs.getString("title"), null))
                .list();
    }

    /** Leads by a prefix of the company or contact name (open or converted; disqualified ones are left out). */
    public List<CampaignLookup> findLeads(String term, CurrentUser user) {
        requireMarketing(user);
        String t = term.strip();
        if (t.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id, company_name, contact_name from lead
                        where status <> 'DISQUALIFIED'
                          and (lower(company_name) like :p escape '\\' or lower(contact_name) like :p escape '\\')
                        order by id desc limit 10""")
                .param("p", TextSearch.escapeLike(t.toLowerCase(Locale.ROOT)) + "%")
                .query((rs, n) -> new CampaignLookup(
                        rs.getLong("id"), rs.getString("contact_name"), rs.getString("company_name"), null))
                .list();
    }

    /** Throws unless the user may read the campaign (403 for other roles, 404 for no such campaign). */
    public void requireReadable(long campaignId, CurrentUser user) {
        requireVisible(campaignId, user);
    }

    void requireVisible(long campaignId, CurrentUser user) {
        requireMarketing(user);
        boolean exists = jdbc.sql("select exists (select 1 from campaign where id = :id)")
                .param("id", campaignId)
                .query(Boolean.class)
                .single();
        if (!exists) {
            throw CampaignNotFoundException.forId(campaignId);
        }
    }

    private static CampaignRow row(ResultSet rs) throws SQLException {
        return new CampaignRow(
                rs.getLong("id"),
                rs.getString("name"),
                CampaignType.valueOf(rs.getString("type")),
                CampaignStatus.valueOf(rs.getString("status")),
                rs.getObject("start_on", LocalDate.class),
                rs.getObject("end_on", LocalDate.class),
                rs.getLong("owner_id"),
                rs.getString("owner_name"),
                rs.getBigDecimal("budget"),
                rs.getBigDecimal("spent"),
                rs.getString("currency"),
                rs.getLong("members"));
    }

    private static CampaignMemberRow member(ResultSet rs) throws SQLException {
        String name = rs.getString("name");
        return new CampaignMemberRow(
                rs.getLong("id"),
                CampaignMemberType.valueOf(rs.getString("member_type")),
                name == null ? "" : name,
                rs.getString("company"),
                rs.getString("contact_person"),
                rs.getString("phone"),
                rs.getString("email"),
                rs.getString("region"),
                CampaignMemberStatus.valueOf(rs.getString("status")),
                date(rs, "sent_on"),
                date(rs, "responded_on"),
                date(rs, "attended_on"),
                date(rs, "converted_on"),
                (Long) rs.getObject("customer_id", Long.class),
                (Long) rs.getObject("lead_id", Long.class),
                (Long) rs.getObject("converted_lead_id", Long.class));
    }

    private static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
