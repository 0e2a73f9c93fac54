package com.kehu.crm.contact;

import com.kehu.crm.customer.CustomerAccess;
import com.kehu.crm.customer.CustomerAccessLevel;
import com.kehu.crm.customer.CustomerNotFoundException;
import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.OwnerScope;
import com.kehu.crm.shared.db.PagedSql;
import com.kehu.crm.shared.db.TextSearch;
import com.kehu.crm.shared.export.ExportSink;
import com.kehu.crm.shared.web.PageView;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * Reads contacts. The record rule is the customer's: the statement joins the customer for its owner and name (a
 * read of the customer module's table, kept to this one join so lists stay one statement).
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class ContactQueries {

    public static final int COUNT_CAP = PagedSql.COUNT_CAP;

    private static final String SELECT = """
            select ct.*, c.name as customer_name
            from contact ct join customer c on c.id = ct.customer_id
            """;

    private final JdbcClient jdbc;
    private final CustomerAccess access;
    private final CustomerQueries customers;

    public PageView<ContactRow> list(
            @Nullable String q, @Nullable Long customerId, int page, int size, CurrentUser user) {
        OwnerScope scope = access.readScope(user);
        int safeSize = Math.min(Math.max(size, 1), 200);
        int safePage = Math.max(page, 0);
        if (scope.isEmpty()) {
            return new PageView<>(List.of(), safeSize, safePage, 0, true);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(q, customerId, scope, params);
        // fragments are constants of this class; every value is a bound parameter
        var rows = PagedSql.bind(
                        jdbc.sql(SELECT + where + " order by ct.name, ct.id limit :limit offset :offset"), params)
                .param("limit", safeSize)
                .param("offset", (long) safePage * safeSize)
                .query(ContactQueries::row)
                .list();
        return PagedSql.page(
                jdbc, rows, safePage, safeSize, "contact ct join customer c on c.id = ct.customer_id" + where, params);
    }

    /** The list's WHERE clause (constant fragments), its values put into {@code params}. */
    private static String where(
            @Nullable String q, @Nullable Long customerId, OwnerScope scope, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where true");
        if (!scope.all()) {
            where.append(" and c.owner_id in (:ownerIds)");
            params.put("ownerIds", List.copyOf(scope.ownerIds()));
        }
        if (customerId != null) {
            where.append(" and ct.customer_id = :customerId");
            params.put("customerId", customerId);
        }
        String term = q == null || q.isBlank() ? null : q.strip();
        if (term != null) {
            String lower = term.toLowerCase(Locale.ROOT);
            List<String> branches = new ArrayList<>();
            branches.add(TextSearch.nameCondition("ct", lower, params));
            if (TextSearch.isPhoneLike(term)) {
                branches.add("ct.phone_digits like :phonePrefix");
                params.put("phonePrefix", TextSearch.digits(term) + "%");
            }
            if (lower.length() >= 3 && !lower.contains(" ")) {
                branches.add("lower(ct.email) like :emailPrefix escape '\\'");
                params.put("emailPrefix", TextSearch.escapeLike(lower) + "%");
            }
            where.append(" and (").append(String.join(" or ", branches)).append(")");
        }
        return where.toString();
    }

    /** Every contact the list would show for this search, in the list's order, streamed inside this transaction. */
    public void stream(@Nullable String q, @Nullable Long customerId, CurrentUser user, ExportSink<ContactRow> sink) {
        OwnerScope scope = access.readScope(user);
        if (scope.isEmpty()) {
            return;
        }
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(q, customerId, scope, params);
        PagedSql.stream(
                PagedSql.bind(jdbc.sql(SELECT + where + " order by ct.name, ct.id"), params),
                ContactQueries::row,
                sink);
    }

    /** All contacts of one customer (the 360 tab), responsible person and decision makers first. */
    public List<ContactRow> forCustomer(long customerId, CurrentUser user) {
        if (customers.accessTo(customerId, user) == CustomerAccessLevel.NONE) {
            throw CustomerNotFoundException.forId(customerId);
        }
        return jdbc.sql(SELECT + " where ct.customer_id = :customerId"
                        + " order by ct.responsible desc, ct.decision_maker desc, ct.name limit 200")
                .param("customerId", customerId)
                .query(ContactQueries::row)
                .list();
    }

    /**
     * Contacts of customers the user may read whose first number (the mobile, else the office phone) starts with
     * {@code digits} (national digits, at least three), through the prefix index on {@code phone_digits}; for the
     * call log's number lookup.
     */
    public List<ContactRow> matchByPhone(String digits, CurrentUser user) {
        OwnerScope scope = access.readScope(user);
        if (scope.isEmpty() || digits.length() < 3 || !digits.chars().allMatch(Character::isDigit)) {
            return List.of();
        }
        String sql = SELECT + " where ct.phone_digits like :prefix"
                + (scope.all() ? "" : " and c.owner_id in (:ownerIds)") + " order by ct.name, ct.id limit 10";
        var spec = jdbc.sql(sql).param("prefix", digits + "%");
        if (!scope.all()) {
            spec = spec.param("ownerIds", List.copyOf(scope.ownerIds()));
        }
        return spec.query(ContactQueries::row).list();
    }

    public ContactRow details(long id, CurrentUser user) {
        ContactRow row = jdbc.sql(SELECT + " where ct.id = :id")
                .param("id", id)
                .query(ContactQueries::row)
                .optional()
                .orElseThrow(() -> ContactNotFoundException.forId(id));
        if (customers.accessTo(row.customerId(), user) == CustomerAccessLevel.NONE) {
            throw ContactNotFoundException.forId(id);
        }
        return row;
    }

    public boolean canEdit(long customerId, CurrentUser user) {
        return customers.accessTo(customerId, user) == CustomerAccessLevel.WRITE;
    }

    private static ContactRow row(ResultSet rs, int rowNum) throws SQLException {
        Date birthday = rs.getDate("birthday");
        String channel = rs.getString("preferred_channel");
        return new ContactRow(
                rs.getLong("id"),
                rs.getLong("customer_id"),
                rs.getString("customer_name"),
                rs.getString("name"),
                rs.getString("title"),
                rs.getString("department"),
                rs.getString("mobile"),
                rs.getString("office_phone"),
                rs.getString("email"),
                rs.getString("wechat"),
                birthday == null ? null : birthday.toLocalDate(),
                rs.getBoolean("responsible"),
                rs.getBoolean("decision_maker"),
                channel == null ? null : ContactChannel.valueOf(channel),
                rs.getString("best_time"),
                rs.getBoolean("do_not_contact"),
                rs.getString("notes"),
                rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
