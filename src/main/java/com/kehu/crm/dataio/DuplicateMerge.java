package com.kehu.crm.dataio;

import com.kehu.crm.customer.CustomerDetails;
import com.kehu.crm.customer.CustomerMergeService;
import com.kehu.crm.customer.CustomerNotFoundException;
import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.shared.domain.EditConflictException;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The merge as the screen and the API ask for it: field choices in, moved record counts out, one transaction. */
@Service
@Transactional
@RequiredArgsConstructor
public class DuplicateMerge {

    private final CustomerQueries customers;
    private final CustomerMergeService merges;
    private final Duplicates duplicates;
    private final JdbcClient jdbc;
    private final EntityManager entityManager;

    public Map<String, Integer> merge(
            long keptId,
            long mergedId,
            long keptVersion,
            long mergedVersion,
            Map<String, String> choices,
            CurrentUser user) {
        CustomerDetails kept = customers.details(keptId, user);
        CustomerDetails merged = customers.details(mergedId, user);
        Map<String, Integer> moved = merges.mergeInto(
                keptId,
                mergedId,
                new CustomerMergeService.Versions(keptVersion, mergedVersion),
                MergeFields.chosen(kept, merged, choices),
                MergeFields.owner(kept, merged, choices),
                user);
        duplicates.forget(mergedId);
        return moved;
    }

    /**
     * Merges several members of a cluster into one, all in ONE transaction: the manager decided that these customers
     * are one, so either all of them are merged or none (a conflict on the fourth must not leave three merged and a
     * half-done cluster). {@code sources} names, per field, the member whose value the kept customer ends up with
     * ({@code both} for tags and profile: the union); a field without a source keeps the kept value unless it is
     * empty. {@code versions} are the members' versions as the user saw them.
     */
    public Map<String, Integer> mergeCluster(
            long clusterId,
            long keptId,
            List<Long> mergedIds,
            Map<Long, Long> versions,
            Map<String, String> sources,
            CurrentUser user) {
        Set<Long> members = duplicates.members(clusterId, user).stream()
                .map(DuplicateClusterMember::id)
                .collect(Collectors.toSet());
        Set<Long> selected = new TreeSet<>(mergedIds);
        selected.remove(keptId);
        if (!members.contains(keptId)) {
            throw CustomerNotFoundException.forId(keptId);
        }
        for (long id : selected) {
            if (!members.contains(id)) {
                throw CustomerNotFoundException.forId(id);
            }
        }
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("Nothing selected to merge");
        }
        List<Long> all = new ArrayList<>(selected);
        all.add(keptId);
        // lock every row first, in id order, and check every version before anything moves
        jdbc.sql("select id, version from customer where id = any(:ids) order by id for update")
                .param("ids", all.toArray(Long[]::new))
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    Long seen = versions.get(id);
                    if (seen == null || seen != rs.getLong("version")) {
                        throw new EditConflictException(
                                "Customer " + id, seen == null ? -1 : seen, rs.getLong("version"));
                    }
                    return id;
                })
                .list();
        Map<String, Integer> moved = new LinkedHashMap<>();
        for (long mergedId : selected) {
            // each merge also changes rows by SQL (versions, counters), so the next one reads both customers afresh
            entityManager.flush();
            entityManager.clear();
            CustomerDetails kept = customers.details(keptId, user);
            CustomerDetails merged = customers.details(mergedId, user);
            Map<String, String> choices = choices(sources, mergedId);
            merges.mergeInto(
                            keptId,
                            mergedId,
                            new CustomerMergeService.Versions(kept.version(), merged.version()),
                            MergeFields.chosen(kept, merged, choices),
                            MergeFields.owner(kept, merged, choices),
                            user)
                    .forEach((k, v) -> moved.merge(k, v, Integer::sum));
            duplicates.forget(mergedId);
        }
        entityManager.flush();
        entityManager.clear();
        return moved;
    }

    /** The two-customer choices for one step: take the merged member's value where it is the field's source. */
    private static Map<String, String> choices(Map<String, String> sources, long mergedId) {
        Map<String, String> choices = new LinkedHashMap<>();
        sources.forEach((field, source) -> {
            if (source.equals("both")) {
                choices.put(field, "both");
            } else {
                choices.put(field, source.equals(String.valueOf(mergedId)) ? "merge" : "keep");
            }
        });
        return choices;
    }
}
