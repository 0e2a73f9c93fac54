package com.kehu.crm.dataio;

import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.shared.web.PageView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The import list and the facts of one import that the progress call leaves out. A user sees their own imports and
 * drafts; admins see everybody's imports, never others' drafts.
 */
@Service
public class ImportQueries {

    private final JdbcClient jdbc;

    ImportQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One line of the import list. */
    public record ImportListRow(
            long id,
            ImportType type,
            ImportStatus status,
            String fileName,
            @Nullable Integer total,
            int inserted,
            int updated,
            int skipped,
            int failed,
            Instant createdAt,
            @Nullable Instant startedAt,
            String createdBy) {}

    /** Who ran an import and how, and whether its rows are still kept (error file, undo). */
    public record ImportFacts(
            String createdBy,
            Instant createdAt,
            boolean allOrNothing,
            boolean createMissingCustomers,
            @Nullable Instant undoneAt,
            @Nullable Instant rowsPurgedAt) {}

    private static final String VISIBLE = "(j.created_by = :me or (:admin and j.status <> 'DRAFT'))";

    public PageView<ImportListRow> page(CurrentUser user, int page, int size) {
        int number = Math.max(page, 0);
        List<ImportListRow> rows = jdbc.sql("""
                        select j.id, j.type, j.status, j.file_name, j.total_rows, j.inserted, j.updated, j.skipped,
                               j.failed, j.created_at, j.started_at, u.display_name
                        from import_job j join app_user u on u.id = j.created_by
                        where """ + VISIBLE + """

                        order by j.created_at desc, j.id desc limit :size offset :offset""")
                .param("me", user.id())
                .param("admin", user.isAdmin())
                .param("size", size)
                .param("offset", (long) number * size)
                .query((rs, n) -> new ImportListRow(
                        rs.getLong("id"),
                        ImportType.valueOf(rs.getString("type")),
                        ImportStatus.valueOf(rs.getString("status")),
                        rs.getString("file_name"),
                        (Integer) rs.getObject("total_rows"),
                        rs.getInt("inserted"),
                        rs.getInt("updated"),
                        rs.getInt("skipped"),
                        rs.getInt("failed"),
                        instant(rs, "created_at"),
                        instantOrNull(rs, "started_at"),
                        rs.getString("display_name")))
                .list();
        long total = jdbc.sql("select count(*) from import_job j where " + VISIBLE)
                .param("me", user.id())
                .param("admin", user.isAdmin())
                .query(Long.class)
                .single();
        return new PageView<>(rows, size, number, total, true);
    }

    public ImportFacts facts(long id, CurrentUser user) {
        return jdbc.sql("""
                        select u.display_name, j.created_at, j.all_or_nothing, j.create_missing, j.undone_at,
                               j.rows_purged_at
                        from import_job j join app_user u on u.id = j.created_by
                        where j.id = :id and """ + VISIBLE)
                .param("id", id)
                .param("me", user.id())
                .param("admin", user.isAdmin())
                .query((rs, n) -> new ImportFacts(
                        rs.getString("display_name"),
                        instant(rs, "created_at"),
                        rs.getBoolean("all_or_nothing"),
                        rs.getBoolean("create_missing"),
                        instantOrNull(rs, "undone_at"),
                        instantOrNull(rs, "rows_purged_at")))
                .optional()
                .orElseThrow(() -> new ImportNotFoundException(id));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    private static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
