package com.kehu.crm.support;

import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.Role;
import com.kehu.crm.shared.db.PagedSql;
import com.kehu.crm.shared.db.TextSearch;
import com.kehu.crm.shared.web.PageView;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
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
 * Reads the knowledge base. Sales reps and managers read published articles; support agents (and admins, managers)
 * also see drafts; marketers nothing. Search splits the query at spaces; every word must occur in the title or the
 * body (two characters or more: through the bigram index, then LIKE; one character: LIKE alone, which the small
 * table affords). Title matches rank first, then the most used articles.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class KbQueries {

    static final int MAX_WORDS = 5;

    private static final String LIST = """
            select a.id, a.title, a.category_id, tc.name_en as category_name_en, tc.name_zh as category_name_zh,
                   a.tags, a.published, u.display_name as author_name, a.use_count, a.updated_at
            from (select a.* from kb_article a %s order by %s limit :limit offset :offset) a
            join app_user u on u.id = a.author_id
            left join ticket_category tc on tc.id = a.category_id
            order by %s""";

    private static final String DETAILS = """
            select a.*, tc.name_en as category_name_en, tc.name_zh as category_name_zh, u.display_name as author_name
            from kb_article a
            join app_user u on u.id = a.author_id
            left join ticket_category tc on tc.id = a.category_id
            where a.id = :id""";

    private static final String FOR_TICKET = """
            select a.id, a.title, a.category_id, tc.name_en as category_name_en, tc.name_zh as category_name_zh,
                   a.tags, a.published, u.display_name as author_name, a.use_count, a.updated_at
            from ticket_kb_article l
            join kb_article a on a.id = l.article_id
            join app_user u on u.id = a.author_id
            left join ticket_category tc on tc.id = a.category_id
            where l.ticket_id = :ticketId
            order by l.linked_at, a.id
            limit 100""";

    private final JdbcClient jdbc;
    private final KbMarkdown markdown;
    private final KbTicketAccess tickets;

    public PageView<KbArticleRow> search(
            @Nullable String q, @Nullable Long categoryId, int page, int size, CurrentUser user) {
        int safeSize = Math.min(Math.max(size, 1), 100);
        int safePage = Math.max(page, 0);
        if (!canRead(user)) {
            return new PageView<>(List.of(), safeSize, safePage, 0, true);
        }
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!KbService.canEdit(user)) {
            where.append(" and a.published");
        }
        if (categoryId != null) {
            where.append(" and a.category_id = :categoryId");
            params.put("categoryId", categoryId);
        }
        String orderBy = "a.updated_at desc, a.id desc";
        List<String> words = words(q);
        if (!words.isEmpty()) {
            StringBuilder titleRank = new StringBuilder();
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i);
                String contains = "%" + TextSearch.escapeLike(word) + "%";
                params.put("contains" + i, contains);
                String like = "(lower(a.title) like :contains" + i + " escape '\\' or lower(a.body) like :contains" + i
                        + " escape '\\')";
                if (word.codePointCount(0, word.length()) >= 2) {
                    params.put("word" + i, word);
                    where.append(" and a.search_bigrams @> kehu_bigrams(:word")
                            .append(i)
                            .append(") and ");
                } else {
                    where.append(" and ");
                }
                where.append(like);
                titleRank
                        .append(i == 0 ? "" : " + ")
                        .append("(lower(a.title) like :contains")
                        .append(i)
                        .append(" escape '\\')::int");
            }
            orderBy = "(" + titleRank + ") desc, a.use_count desc, a.updated_at desc, a.id desc";
        }
        // every fragment is a constant of this class; every value is a bound parameter
        var rows = PagedSql.bind(jdbc.sql(LIST.formatted(where, orderBy, orderBy)), params)
                .param("limit", safeSize)
                .param("offset", (long) safePage * safeSize)
                .query(KbQueries::row)
                .list();
        return PagedSql.page(jdbc, rows, safePage, safeSize, "kb_article a" + where, params);
    }

    public KbArticleDetails details(long id, CurrentUser user) {
        if (!canRead(user)) {
            throw KbArticleNotFoundException.forId(id);
        }
        KbArticleDetails article = jdbc.sql(DETAILS)
                .param("id", id)
                .query((rs, n) -> details(rs))
                .optional()
                .orElseThrow(() -> KbArticleNotFoundException.forId(id));
        if (!article.published() && !KbService.canEdit(user)) {
            throw KbArticleNotFoundException.forId(id);
        }
        return article;
    }

    /** The articles linked to a ticket the user may see. */
    public List<KbArticleRow> forTicket(long ticketId, CurrentUser user) {
        tickets.requireVisible(ticketId, user);
        return jdbc.sql(FOR_TICKET)
                .param("ticketId", ticketId)
                .query(KbQueries::row)
                .list();
    }

    public List<KbCategory> categories() {
        return jdbc.sql("select id, code, name_en, name_zh from ticket_category where active order by position, id")
                .query((rs, n) -> new KbCategory(
                        rs.getLong("id"), rs.getString("code"), rs.getString("name_en"), rs.getString("name_zh")))
                .list();
    }

    public boolean canEdit(CurrentUser user) {
        return KbService.canEdit(user);
    }

    static boolean canRead(CurrentUser user) {
        return !user.is(Role.MARKETER);
    }

    static List<String> words(@Nullable String q) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        return Arrays.stream(q.strip().toLowerCase(Locale.ROOT).split("\\s+"))
                .filter(w -> !w.isEmpty())
                .distinct()
                .limit(MAX_WORDS)
                .toList();
    }

    private KbArticleDetails details(ResultSet rs) throws SQLException {
        String body = rs.getString("body");
        long categoryId = rs.getLong("category_id");
        boolean noCategory = rs.wasNull();
        Timestamp publishedAt = rs.getTimestamp("published_at");
        return new KbArticleDetails(
                rs.getLong("id"),
                rs.getString("title"),
                body,
                markdown.toHtml(body),
                noCategory ? null : categoryId,
                rs.getString("category_name_en"),
                rs.getString("category_name_zh"),
                strings(rs.getArray("tags")),
                rs.getBoolean("published"),
                publishedAt == null ? null : publishedAt.toInstant(),
                rs.getLong("author_id"),
                rs.getString("author_name"),
                rs.getInt("use_count"),
                rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static KbArticleRow row(ResultSet rs, int rowNum) throws SQLException {
        long categoryId = rs.getLong("category_id");
        boolean noCategory = rs.wasNull();
        return new KbArticleRow(
                rs.getLong("id"),
                rs.getString("title"),
                noCategory ? null : categoryId,
                rs.getString("category_name_en"),
                rs.getString("category_name_zh"),
                strings(rs.getArray("tags")),
                rs.getBoolean("published"),
                rs.getString("author_name"),
                rs.getInt("use_count"),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
