package com.kehu.crm.customer;

import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.OwnerScope;
import com.kehu.crm.identity.UserQueries;
import com.kehu.crm.identity.UserRef;
import com.kehu.crm.shared.db.PagedSql;
import com.kehu.crm.shared.db.TextSearch;
import com.kehu.crm.shared.export.ExportSink;
import com.kehu.crm.shared.web.PageView;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads customers. The list is one SQL statement for the page plus one capped count, whatever the page size; the
 * record rules are part of the WHERE clause. The SQL is assembled from constant fragments only; user input is
 * always a bound parameter.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class CustomerQueries {

    /** Beyond this a list says "more than 1,000" (see {@link PagedSql}). */
    public static final int COUNT_CAP = PagedSql.COUNT_CAP;

    /** Owners are joined after the page is cut, so a search matching 10,000 rows looks up 25 owners, not all. */
    private static final String PAGE = """
            select c.id, c.code, c.name, c.kind, c.status, c.importance, c.phone, c.email, c.industry, c.region,
                   c.source, u.username as owner_username, u.display_name as owner_name, c.tags, c.archived,
                   c.version, c.created_at, c.updated_at
            from (select * from customer c %s order by %s limit :limit offset :offset) c
            join app_user u on u.id = c.owner_id
            order by %s""";

    /**
     * A search sorts at most {@link #COUNT_CAP} + 1 matches, found by the bitmap index scans. Sorting every match of
     * a common term (有限公司: half the table) or walking the name index until 25 matches turn up (names are not
     * spread evenly: Latin names sort before Chinese ones) cost 100-600 ms on a million customers
     * (docs/benchmarks.md). Beyond the cap the screen asks the user to narrow the search.
     */
    private static final String SEARCH_PAGE = """
            select c.id, c.code, c.name, c.kind, c.status, c.importance, c.phone, c.email, c.industry, c.region,
                   c.source, u.username as owner_username, u.display_name as owner_name, c.tags, c.archived,
                   c.version, c.created_at, c.updated_at
            from (select * from (select * from customer c %s limit :searchCap) c
                  order by %s limit :limit offset :offset) c
            join app_user u on u.id = c.owner_id
            order by %s""";

    private static final String SELECT = """
            select c.id, c.code, c.name, c.kind, c.status, c.importance, c.phone, c.email, c.industry, c.region,
                   c.source, u.username as owner_username, u.display_name as owner_name, c.tags, c.archived,
                   c.version, c.created_at, c.updated_at
            from customer c join app_user u on u.id = c.owner_id
            """;

    private final JdbcClient jdbc;
    private final CustomerRepository customers;
    private final CustomerAccess access;
    private final UserQueries users;

    public PageView<CustomerRow> list(
            CustomerFilter filter, CustomerSort sort, boolean descending, int page, int size, CurrentUser user) {
        OwnerScope scope = access.readScope(user);
        int safeSize = Math.min(Math.max(size, 1), 200);
        int safePage = Math.max(page, 0);
        if (scope.isEmpty()) {
            return new PageView<>(List.of(), safeSize, safePage, 0, true);
        }
        Where where = where(filter, scope);
        String orderBy = sort.orderBy(descending);
        // the WHERE and ORDER BY fragments are constants of this class; every value is a bound parameter
        String template = filter.term() == null ? PAGE : SEARCH_PAGE;
        List<CustomerRow> rows = where.bind(jdbc.sql(template.formatted(where.sql, orderBy, orderBy)))
                .param("limit", safeSize)
                .param("offset", (long) safePage * safeSize)
                .param("searchCap", COUNT_CAP + 1)
                .query(CustomerQueries::row)
                .list();
        return PagedSql.page(jdbc, rows, safePage, safeSize, "customer c" + where.sql, where.params);
    }

    /**
     * Every customer the list would show for this filter and sort, without paging (a search is not capped here),
     * streamed to {@code sink} inside this read-only transaction so the driver fetches 1,000 rows at a time.
     */
    public void stream(
            CustomerFilter filter,
            CustomerSort sort,
            boolean descending,
            CurrentUser user,
            ExportSink<CustomerRow> sink) {
        OwnerScope scope = access.readScope(user);
        if (scope.isEmpty()) {
            return;
        }
        Where where = where(filter, scope);
        // the same WHERE and ORDER BY fragments as the list; every value is a bound parameter
        PagedSql.stream(
                where.bind(jdbc.sql(SELECT + where.sql + " order by " + sort.orderBy(descending))),
                CustomerQueries::row,
                sink);
    }

    public CustomerDetails details(long id, CurrentUser user) {
        Customer c = customers.findById(id).orElseThrow(() -> CustomerNotFoundException.forId(id));
        if (!access.readScope(user).includes(c.getOwnerId())) {
            throw CustomerNotFoundException.forId(id);
        }
        List<CustomerStatusChange> history = customers.findStatusHistory(id);
        Set<Long> userIds = new java.util.HashSet<>();
        userIds.add(c.getOwnerId());
        history.stream()
                .map(CustomerStatusChange::getChangedBy)
                .filter(Objects::nonNull)
                .forEach(userIds::add);
        Map<Long, UserRef> refs = users.refsByIds(userIds);
        UserRef owner = refs.getOrDefault(c.getOwnerId(), new UserRef(c.getOwnerId(), "?", "?"));
        List<CustomerDetails.StatusChange> changes = history.stream()
                .map(h -> new CustomerDetails.StatusChange(
                        h.getFromStatus(),
                        h.getToStatus(),
                        h.getChangedBy() == null || !refs.containsKey(h.getChangedBy())
                                ? null
                                : refs.get(h.getChangedBy()).displayName(),
                        h.getChangedAt()))
                .toList();
        return new CustomerDetails(
                c.getId(),
                c.getCode(),
                c.getKind(),
                c.getName(),
                c.getPhone(),
                c.getEmail(),
                c.getAddress(),
                c.getRegion(),
                c.getIndustry(),
                c.getSource(),
                c.getRelationCategory(),
                c.getImportance(),
                c.getStatus(),
                c.getOwnerId(),
                owner.username(),
                owner.displayName(),
                List.copyOf(c.getTags()),
                Map.copyOf(c.getProfile()),
                c.isArchived(),
                c.getArchivedAt(),
                c.getVersion(),
                Objects.requireNonNull(c.getCreatedAt()),
                Objects.requireNonNull(c.getUpdatedAt()),
                access.writeScope(user).includes(c.getOwnerId()),
                changes,
                c.purchaseStage(),
                c.getRetentionFlag());
    }

    /** For modules whose records belong to a customer: they are visible and editable exactly as the customer is. */
    public CustomerAccessLevel accessTo(long customerId, CurrentUser user) {
        Long ownerId = jdbc.sql("select owner_id from customer where id = :id")
                .param("id", customerId)
                .query(Long.class)
                .optional()
                .orElse(null);
        if (ownerId == null || !access.readScope(user).includes(ownerId)) {
            return CustomerAccessLevel.NONE;
        }
        return access.writeScope(user).includes(ownerId) ? CustomerAccessLevel.WRITE : CustomerAccessLevel.READ;
    }

    /** The customer's value tier (importance) whatever the user's scope, for rules such as SLA targets. */
    public java.util.Optional<Importance> importanceOf(long customerId) {
        return jdbc.sql("select importance from customer where id = :id")
                .param("id", customerId)
                .query((rs, n) -> Importance.valueOf(rs.getString("importance")))
                .optional();
    }

    public @Nullable CustomerRow row(long id, CurrentUser user) {
        OwnerScope scope = access.readScope(user);
        if (scope.isEmpty()) {
            return null;
        }
        String sql = SELECT + " where c.id = :id" + (scope.all() ? "" : " and c.owner_id in (:ownerIds)");
        var spec = jdbc.sql(sql).param("id", id);
        if (!scope.all()) {
            spec = spec.param("ownerIds", List.copyOf(scope.ownerIds()));
        }
        return spec.query(CustomerQueries::row).optional().orElse(null);
    }

    /**
     * Customers the user may read whose phone starts or ends with {@code digits} (national digits, at least three;
     * the end only from seven digits on, as a caller ID often lacks or adds an area code). Uses the prefix and
     * reversed-suffix indexes on {@code phone_digits}; exact matches first.
     */
    public List<CustomerPhoneMatch> matchByPhone(String digits, CurrentUser user) {
        OwnerScope scope = access.readScope(user);
        if (scope.isEmpty() || digits.length() < 3 || !digits.chars().allMatch(Character::isDigit)) {
            return List.of();
        }
        boolean suffix = digits.length() >= 7;
        // constant fragments; the digits and owners are bound parameters
        String sql = "select c.id, c.code, c.name, c.phone, c.phone_digits = :digits as exact from customer c"
                + " where (c.phone_digits like :prefix"
                + (suffix ? " or reverse(c.phone_digits) like :suffixReversed)" : ")")
                + (scope.all() ? "" : " and c.owner_id in (:ownerIds)")
                + " order by exact desc, c.archived, c.name, c.id limit 10";
        var spec = jdbc.sql(sql).param("digits", digits).param("prefix", digits + "%");
        if (suffix) {
            spec = spec.param("suffixReversed", new StringBuilder(digits).reverse() + "%");
        }
        if (!scope.all()) {
            spec = spec.param("ownerIds", List.copyOf(scope.ownerIds()));
        }
        return spec.query((rs, n) -> new CustomerPhoneMatch(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("phone"),
                        rs.getBoolean("exact")))
                .list();
    }

    /**
     * Customers that may be the same party, across all customers whatever the user's scope: the same name (ignoring
     * case) or a name containing it, the same phone digits, or the same e-mail. Each branch uses its own index
     * (lower-name prefix, bigrams, phone digits, lower e-mail); exact name matches come first.
     */
    public List<CustomerDuplicate> duplicateCandidates(
            @Nullable String name, @Nullable String phoneDigits, @Nullable String email, int limit) {
        Where where = new Where();
        List<String> branches = new ArrayList<>();
        String nameMatch = "false";
        if (name != null && !name.isBlank()) {
            String lower = name.strip().toLowerCase(Locale.ROOT);
            where.params.put("exactName", lower);
            nameMatch = "(lower(c.name) = :exactName or " + TextSearch.nameCondition("c", lower, where.params) + ")";
            branches.add(nameMatch);
        }
        String phoneMatch = "false";
        if (phoneDigits != null && phoneDigits.length() >= 5) {
            where.params.put("phoneDigits", phoneDigits);
            phoneMatch = "c.phone_digits = :phoneDigits";
            branches.add(phoneMatch);
        }
        String emailMatch = "false";
        if (email != null && !email.isBlank()) {
            where.params.put("email", email.strip().toLowerCase(Locale.ROOT));
            emailMatch = "lower(c.email) = :email";
            branches.add(emailMatch);
        }
        if (branches.isEmpty()) {
            return List.of();
        }
        // the conditions are constants of this class and TextSearch; every value is a bound parameter
        String exactFirst = where.params.containsKey("exactName") ? "(lower(c.name) = :exactName) desc, " : "";
        String sql = "select c.id, c.code, c.name, c.owner_id, u.display_name as owner_name, " + nameMatch
                + " as name_matched, " + phoneMatch + " as phone_matched, " + emailMatch + " as email_matched"
                + " from (select * from customer c where " + String.join(" or ", branches)
                + " limit :candidateCap) c join app_user u on u.id = c.owner_id"
                + " order by " + exactFirst + "c.name, c.id limit :limit";
        return where.bind(jdbc.sql(sql))
                .param("candidateCap", Math.max(limit, 1) * 20)
                .param("limit", Math.max(limit, 1))
                .query((rs, rowNum) -> new CustomerDuplicate(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getLong("owner_id"),
                        rs.getString("owner_name"),
                        rs.getBoolean("name_matched"),
                        rs.getBoolean("phone_matched"),
                        rs.getBoolean("email_matched")))
                .list();
    }

    private Where where(CustomerFilter filter, OwnerScope scope) {
        StringBuilder sql = new StringBuilder(" where c.archived = :archived");
        Where where = new Where();
        where.params.put("archived", filter.archived());
        if (!scope.all()) {
            // In a search the term's index finds few rows and the owner filter is checked on them. "+ 0" keeps
            // PostgreSQL from ANDing in a bitmap of all 200,000 customers of a rep, which took 36 ms of 40.
            sql.append(filter.term() == null ? " and c.owner_id in (:ownerIds)" : " and c.owner_id + 0 in (:ownerIds)");
            where.params.put("ownerIds", List.copyOf(scope.ownerIds()));
        }
        if (filter.status() != null) {
            sql.append(" and c.status = :status");
            where.params.put("status", filter.status().name());
        }
        if (filter.ownerId() != null) {
            sql.append(" and c.owner_id = :ownerId");
            where.params.put("ownerId", filter.ownerId());
        }
        if (filter.industry() != null) {
            sql.append(" and c.industry = :industry");
            where.params.put("industry", filter.industry().name());
        }
        if (filter.region() != null) {
            sql.append(" and c.region = :region");
            where.params.put("region", filter.region().name());
        }
        String term = filter.term();
        if (term != null) {
            appendSearch(sql, where, term);
        }
        where.sql = sql.toString();
        return where;
    }

    /**
     * Name (substring, Chinese or Latin, through the bigram index), or a prefix of the code, the phone digits or
     * the e-mail address. Each branch has its own index so PostgreSQL can OR bitmap scans.
     */
    private static void appendSearch(StringBuilder sql, Where where, String term) {
        String lower = term.toLowerCase(Locale.ROOT);
        List<String> branches = new ArrayList<>();
        branches.add(TextSearch.nameCondition("c", lower, where.params));
        branches.add("c.code like :codePrefix escape '\\'");
        where.params.put("codePrefix", TextSearch.escapeLike(term.toUpperCase(Locale.ROOT)) + "%");
        if (TextSearch.isPhoneLike(term)) {
            String digits = TextSearch.digits(term);
            branches.add("c.phone_digits like :phonePrefix");
            branches.add("reverse(c.phone_digits) like :phoneSuffixReversed");
            where.params.put("phonePrefix", digits + "%");
            where.params.put("phoneSuffixReversed", new StringBuilder(digits).reverse() + "%");
        }
        if (lower.length() >= 3 && !lower.contains(" ")) {
            branches.add("lower(c.email) like :emailPrefix escape '\\'");
            where.params.put("emailPrefix", TextSearch.escapeLike(lower) + "%");
        }
        sql.append(" and (").append(String.join(" or ", branches)).append(")");
    }

    private static CustomerRow row(ResultSet rs, int rowNum) throws SQLException {
        return new CustomerRow(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                CustomerKind.valueOf(rs.getString("kind")),
                CustomerStatus.valueOf(rs.getString("status")),
                Importance.valueOf(rs.getString("importance")),
                rs.getString("phone"),
                rs.getString("email"),
                enumOrNull(Industry.class, rs.getString("industry")),
                enumOrNull(Region.class, rs.getString("region")),
                enumOrNull(CustomerSource.class, rs.getString("source")),
                rs.getString("owner_username"),
                rs.getString("owner_name"),
                strings(rs.getArray("tags")),
                rs.getBoolean("archived"),
                rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static <E extends Enum<E>> @Nullable E enumOrNull(Class<E> type, @Nullable String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }

    private static final class Where {
        private String sql = "";
        private final Map<String, Object> params = new java.util.LinkedHashMap<>();

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            return PagedSql.bind(spec, params);
        }
    }
}
