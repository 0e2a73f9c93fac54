package com.kehu.crm.dataio;

import com.kehu.crm.customer.CustomerAccess;
import com.kehu.crm.customer.CustomerNotFoundException;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.OwnerScope;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review list of likely duplicates. Only pairs where the user may change BOTH customers are shown or touched;
 * the rule is part of the SQL.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class Duplicates {

    // a leading space: text blocks drop the trailing one of the line this is appended to
    private static final String IN_SCOPE = " " + """
            not d.dismissed and not a.archived and not b.archived
            and (:all or (a.owner_id = any(:owners) and b.owner_id = any(:owners)))""";

    private final JdbcClient jdbc;
    private final CustomerAccess access;
    private final Clock clock;

    /** One page of open pairs, best first; {@code size + 1} rows are read so the caller knows if there is more. */
    public List<DuplicatePair> page(CurrentUser user, int page, int size) {
        OwnerScope scope = access.writeScope(user);
        if (scope.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select d.low_id, a.code as low_code, a.name as low_name, a.region as low_region,
                               d.high_id, b.code as high_code, b.name as high_name, b.region as high_region,
                               d.same_phone, d.same_email, d.name_score, d.score
                        from customer_duplicate_candidate d
                        join customer a on a.id = d.low_id
                        join customer b on b.id = d.high_id
                        where """ + IN_SCOPE + """

                        order by d.score desc, d.low_id, d.high_id
                        limit :limit offset :offset""")
                .param("all", scope.all())
                .param("owners", scope.ownerIdArray())
                .param("limit", size + 1)
                .param("offset", (long) Math.max(page, 0) * size)
                .query((rs, n) -> new DuplicatePair(
                        rs.getLong("low_id"),
                        rs.getString("low_code"),
                        rs.getString("low_name"),
                        rs.getString("low_region"),
                        rs.getLong("high_id"),
                        rs.getString("high_code"),
                        rs.getString("high_name"),
                        rs.getString("high_region"),
                        rs.getBoolean("same_phone"),
                        rs.getBoolean("same_email"),
                        rs.getBigDecimal("name_score"),
                        rs.getBigDecimal("score")))
                .list();
    }

    /** Marks a pair as "not duplicates", so later scans keep it out of the list. 404 if not visible to the user. */
    @Transactional
    public void dismiss(long firstId, long secondId, CurrentUser user) {
        OwnerScope scope = access.writeScope(user);
        int updated = jdbc.sql("""
                        update customer_duplicate_candidate d set dismissed = true, dismissed_by = :by, dismissed_at = :now
                        from customer a, customer b
                        where d.low_id = :low and d.high_id = :high and a.id = d.low_id and b.id = d.high_id and """ + IN_SCOPE)
                .param("low", Math.min(firstId, secondId))
                .param("high", Math.max(firstId, secondId))
                .param("by", user.id())
                .param("now", Timestamp.from(clock.instant()))
                .param("all", scope.all())
                .param("owners", scope.ownerIdArray())
                .update();
        if (updated == 0) {
            throw CustomerNotFoundException.forId(firstId);
        }
    }

    /** After a merge the merged customer's pairs mean nothing any more. */
    @Transactional
    public void forget(long customerId) {
        jdbc.sql("delete from customer_duplicate_candidate where (low_id = :id or high_id = :id) and not dismissed")
                .param("id", customerId)
                .update();
    }
}
