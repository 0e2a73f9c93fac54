package com.kehu.crm.sales;

import org.jspecify.annotations.Nullable;

/**
 * An existing customer that looks like the lead. One the user may not see shows only its name and owner:
 * {@code customerId} and {@code code} are then null, and it cannot be attached to.
 */
public record DuplicateCandidate(
        @Nullable Long customerId,
        @Nullable String code,
        String name,
        String ownerName,
        boolean nameMatched,
        boolean phoneMatched,
        boolean emailMatched,
        boolean canAttach) {}
