package com.kehu.crm.customer;

import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.UserQueries;
import com.kehu.crm.identity.UserRef;
import com.kehu.crm.shared.audit.AuditEvent;
import com.kehu.crm.shared.audit.AuditEventKind;
import com.kehu.crm.shared.audit.AuditLog;
import com.kehu.crm.shared.audit.AuditSnapshot;
import com.kehu.crm.shared.audit.AuditedType;
import com.kehu.crm.shared.audit.FieldChange;
import com.kehu.crm.shared.domain.EditConflictException;
import com.kehu.crm.shared.merge.CustomerMergeParticipant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges two customers in one transaction: the kept customer takes the chosen field values, every module moves the
 * merged customer's records to it ({@link CustomerMergeParticipant}), the merged customer is archived with a pointer
 * to the kept one, and the merge is audited with the counts. Any failure rolls all of it back.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class CustomerMergeService {

    private final CustomerRepository customers;
    private final CustomerAccess access;
    private final UserQueries users;
    private final List<CustomerMergeParticipant> participants;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    /** The two customers' versions as the user saw them, to refuse a merge over someone else's later edit. */
    public record Versions(long kept, long merged) {}

    /** How many records of each kind would move from {@code mergedId}; checks that the user may change both. */
    @Transactional(readOnly = true)
    public Map<String, Integer> preview(long keptId, long mergedId, CurrentUser user) {
        checkWritable(keptId, user);
        checkWritable(mergedId, user);
        Map<String, Integer> counts = new LinkedHashMap<>();
        participants.forEach(p -> counts.putAll(p.count(mergedId)));
        return counts;
    }

    /**
     * Merges {@code mergedId} into {@code keptId}; returns the moved record counts by message key. The owner changes
     * only when {@code newOwnerId} differs from the kept customer's owner and is assignable by the user.
     */
    public Map<String, Integer> mergeInto(
            long keptId,
            long mergedId,
            Versions versions,
            CustomerDetailsData chosen,
            @Nullable Long newOwnerId,
            CurrentUser user) {
        if (keptId == mergedId) {
            throw new IllegalArgumentException("A customer cannot be merged into itself");
        }
        // lock both rows in id order, so two merges of the same pair cannot deadlock or interleave
        List<Long> locked = jdbc.sql("select id from customer where id in (:a, :b) order by id for update")
                .param("a", keptId)
                .param("b", mergedId)
                .query(Long.class)
                .list();
        if (locked.size() != 2) {
            throw CustomerNotFoundException.forId(locked.contains(keptId) ? mergedId : keptId);
        }
        Customer kept = checkWritable(keptId, user);
        Customer merged = checkWritable(mergedId, user);
        checkVersion(kept, versions.kept());
        checkVersion(merged, versions.merged());
        Map<String, @Nullable String> keptBefore = kept.auditSnapshot();
        if (newOwnerId != null && newOwnerId != kept.getOwnerId()) {
            boolean allowed =
                    users.assignableOwners(user).stream().map(UserRef::id).anyMatch(id -> id.longValue() == newOwnerId);
            if (!allowed) {
                throw new OwnerNotAssignableException(newOwnerId);
            }
            kept.reassignTo(newOwnerId);
        }
        kept.update(chosen, user.id());
        // the kept record's history shows the fields the merge took from the other one; the merged one's shows where
        // it went (its own history stays with it)
        audit.changes(AuditedType.CUSTOMER, keptId, user.id(), AuditSnapshot.diff(keptBefore, kept.auditSnapshot()));
        audit.changes(
                AuditedType.CUSTOMER,
                mergedId,
                user.id(),
                List.of(
                        new FieldChange("archived", null, "true"),
                        new FieldChange("mergedInto", null, kept.getCode())));
        int mergedOrders = merged.getCompletedOrders();
        // the entity changes go to the database before the participants' and our own SQL
        customers.flush();
        Map<String, Integer> moved = new LinkedHashMap<>();
        for (CustomerMergeParticipant participant : participants) {
            participant.moveCustomer(mergedId, keptId).forEach((k, v) -> moved.merge(k, v, Integer::sum));
        }
        jdbc.sql("""
                        update customer set completed_orders = completed_orders + :orders, version = version + 1,
                               updated_at = now() where id = :kept""").param("orders", mergedOrders).param("kept", keptId).update();
        jdbc.sql("""
                        update customer set archived = true, archived_at = coalesce(archived_at, now()),
                               merged_into_id = :kept, completed_orders = 0, version = version + 1, updated_at = now()
                        where id = :merged""").param("kept", keptId).param("merged", mergedId).update();
        audit.record(AuditEvent.of(
                        AuditEventKind.MERGE,
                        user.id(),
                        user.username(),
                        "Merged customer " + merged.getCode() + " into " + kept.getCode())
                .about("CUSTOMER", keptId)
                .with(AuditLog.facts(
                        "keptId", keptId, "mergedId", mergedId, "mergedCode", merged.getCode(), "moved", moved)));
        return moved;
    }

    private Customer checkWritable(long id, CurrentUser user) {
        Customer customer = customers.findById(id).orElseThrow(() -> CustomerNotFoundException.forId(id));
        if (customer.isArchived() || !access.readScope(user).includes(customer.getOwnerId())) {
            throw CustomerNotFoundException.forId(id);
        }
        if (!access.writeScope(user).includes(customer.getOwnerId())) {
            throw new AccessDeniedException("Read-only access to customer " + id);
        }
        return customer;
    }

    private void checkVersion(Customer customer, long expectedVersion) {
        if (customer.getVersion() != expectedVersion) {
            throw new EditConflictException("Customer " + customer.getId(), expectedVersion, customer.getVersion());
        }
    }
}
