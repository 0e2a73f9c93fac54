package com.kehu.crm.identity;

import java.util.Set;

/**
 * Whose records a user may see or change: everybody's, or those owned by a set of users (themselves, or the
 * members of their team). Queries turn it into {@code owner_id = any(:ownerIds)} so the rule is enforced in the
 * database, not by hiding links.
 */
public record OwnerScope(boolean all, Set<Long> ownerIds) {

    public static OwnerScope everyone() {
        return new OwnerScope(true, Set.of());
    }

    public static OwnerScope nobody() {
        return new OwnerScope(false, Set.of());
    }

    public static OwnerScope of(Set<Long> ownerIds) {
        return new OwnerScope(false, Set.copyOf(ownerIds));
    }

    public boolean includes(long ownerId) {
        return all || ownerIds.contains(ownerId);
    }

    public boolean isEmpty() {
        return !all && ownerIds.isEmpty();
    }

    public Long[] ownerIdArray() {
        return ownerIds.toArray(Long[]::new);
    }
}
