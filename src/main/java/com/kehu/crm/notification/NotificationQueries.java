package com.kehu.crm.notification;

import com.kehu.crm.identity.CurrentUser;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in user's notifications: the unread count for the bell and the latest ones for its menu. */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class NotificationQueries {

    /** The bell shows "99+" beyond this; counting further costs more than it tells. */
    public static final int COUNT_CAP = 99;

    private final JdbcClient jdbc;

    public int unreadCount(CurrentUser user) {
        return jdbc.sql("""
                        select count(*) from (select 1 from notification
                        where recipient_id = :id and read_at is null limit :cap) unread""")
                .param("id", user.id())
                .param("cap", COUNT_CAP + 1)
                .query(Integer.class)
                .single();
    }

    public List<NotificationView> latest(CurrentUser user, int limit) {
        return jdbc.sql("""
                        select id, kind, message_key, message_args, link, read_at is not null as read, created_at
                        from notification where recipient_id = :id order by created_at desc, id desc limit :limit""")
                .param("id", user.id())
                .param("limit", Math.min(Math.max(limit, 1), 100))
                .query(NotificationQueries::row)
                .list();
    }

    /** The link of one of the user's own notifications; someone else's id finds nothing. */
    public java.util.Optional<String> link(long id, CurrentUser user) {
        return jdbc.sql(
                        "select link from notification where id = :id and recipient_id = :recipient and link is not null")
                .param("id", id)
                .param("recipient", user.id())
                .query(String.class)
                .optional();
    }

    private static NotificationView row(ResultSet rs, int rowNum) throws SQLException {
        Array args = rs.getArray("message_args");
        return new NotificationView(
                rs.getLong("id"),
                rs.getString("kind"),
                rs.getString("message_key"),
                args == null ? List.of() : Arrays.asList((String[]) args.getArray()),
                rs.getString("link"),
                rs.getBoolean("read"),
                rs.getTimestamp("created_at").toInstant());
    }
}
