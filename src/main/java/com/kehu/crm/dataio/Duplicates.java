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
 * The review list of likely duplicates. Only pairs where the user may change BOTH customers are shown or touched, and
 * only clusters where the user may change EVERY live member (a manager never learns that a customer of another team
 * shares a name; clusters across teams are for whoever sees all of them, the admin); the rules are part of the SQL.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class Duplicates {

    // a leading space: text blocks drop the trailing one of the line this is appended to
    private static final String IN_SCOPE = " " + """
            not d.dismissed and not a.archived and not b.archived
            and (:all or (a.owner_id = any(:owners) and b.owner_id = any(:owners)))""";

    // the live members of cluster k and whether the user may change all of them
    private static final String CLUSTER_SCOPE = """
            cross join lateral (
                select count(*) as live, coalesce(bool_and(:all or c.owner_id = any(:owners)), false) as visible
                from customer c where c.id = any(k.member_ids) and not c.archived) v""";

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

    /**
     * One page of open clusters, strongest first (a name with a second signal before a name alone, then the smallest
     * groups: two customers sharing a name say more than forty); {@code size + 1} rows are read.
     */
    public List<DuplicateCluster> clusters(CurrentUser user, int page, int size) {
        OwnerScope scope = access.writeScope(user);
        if (scope.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select k.id, k.reason, k.region, k.kind, k.name, v.live from customer_duplicate_cluster k\n"
                        + CLUSTER_SCOPE
                        + """

                        where not k.dismissed and not k.oversized and v.live >= 2 and v.visible
                        order by (k.reason = 'NAME'), k.size, k.id
                        limit :limit offset :offset""")
                .param("all", scope.all())
                .param("owners", scope.ownerIdArray())
                .param("limit", size + 1)
                .param("offset", (long) Math.max(page, 0) * size)
                .query((rs, n) -> new DuplicateCluster(
                        rs.getLong("id"),
                        rs.getString("reason"),
                        rs.getString("region"),
                        rs.getString("kind"),
                        rs.getString("name"),
                        rs.getInt("live")))
                .list();
    }

    /** How many groups were too large to be evidence (a common name), for the note under the list. */
    public int oversizedGroups() {
        return jdbc.sql("select count(*) from customer_duplicate_cluster where oversized and not dismissed")
                .query(Integer.class)
                .single();
    }

    /** A cluster the user may review; 404 unless it is open and the user may change all its live members. */
    public DuplicateCluster cluster(long id, CurrentUser user) {
        OwnerScope scope = access.writeScope(user);
        return jdbc.sql("select k.id, k.reason, k.region, k.kind, k.name, v.live from customer_duplicate_cluster k\n"
                        + CLUSTER_SCOPE
                        + """

                        where k.id = :id and not k.dismissed and not k.oversized and v.live >= 2 and v.visible""")
                .param("id", id)
                .param("all", scope.all())
                .param("owners", scope.ownerIdArray())
                .query((rs, n) -> new DuplicateCluster(
                        rs.getLong("id"),
                        rs.getString("reason"),
                        rs.getString("region"),
                        rs.getString("kind"),
                        rs.getString("name"),
                        rs.getInt("live")))
                .optional()
                .orElseThrow(() -> new DuplicateClusterNotFoundException(id));
    }

    /** The live members of a visible cluster, oldest first, in one query (a cluster has at most max-cluster). */
    public List<DuplicateClusterMember> members(long clusterId, CurrentUser user) {
        cluster(clusterId, user);
        return jdbc.sql("""
                        select c.id, c.code, c.name, c.phone, c.email, c.address, c.region, c.industry, c.source,
                               c.relation_category, c.importance, c.status, c.owner_id, u.display_name, c.tags,
                               (select count(*) from jsonb_object_keys(c.profile)) as profile_fields, c.version
                        from customer_duplicate_cluster k
                        join customer c on c.id = any(k.member_ids) and not c.archived
                        join app_user u on u.id = c.owner_id
                        where k.id = :id
                        order by c.id""")
                .param("id", clusterId)
                .query((rs, n) -> new DuplicateClusterMember(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("phone"),
                        rs.getString("email"),
                        rs.getString("address"),
                        rs.getString("region"),
                        rs.getString("industry"),
                        rs.getString("source"),
                        rs.getString("relation_category"),
                        rs.getString("importance"),
                        rs.getString("status"),
                        rs.getLong("owner_id"),
                        rs.getString("display_name"),
                        List.of((String[]) rs.getArray("tags").getArray()),
                        rs.getInt("profile_fields"),
                        rs.getLong("version")))
                .list();
    }

    /**
     * Marks a cluster as "not duplicates" with its members as they are now; a later scan brings it back only when a
     * customer joins it. 404 if the user may not review it.
     */
    @Transactional
    public void dismissCluster(long id, CurrentUser user) {
        cluster(id, user);
        jdbc.sql("""
                        update customer_duplicate_cluster set dismissed = true, dismissed_members = member_ids,
                               dismissed_by = :by, dismissed_at = :now
                        where id = :id""")
                .param("id", id)
                .param("by", user.id())
                .param("now", Timestamp.from(clock.instant()))
                .update();
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
