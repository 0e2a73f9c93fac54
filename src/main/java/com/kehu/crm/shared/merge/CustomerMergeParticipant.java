package com.kehu.crm.shared.merge;

import java.util.Map;
import java.util.Set;

/**
 * A module's part in merging two customers: it moves the rows it owns from the merged customer to the kept one.
 * Runs inside the caller's transaction, so a merge moves everything or nothing. Counts are keyed by message key (for
 * example {@code merge.contacts}), for the preview and for the audit record.
 */
public interface CustomerMergeParticipant {

    /** The tables with a reference to {@code customer} that this participant keeps right on a merge. */
    Set<String> tables();

    /** How many rows of each kind would move from this customer. */
    Map<String, Integer> count(long customerId);

    /** Moves the rows of {@code fromId} to {@code toId} and says how many of each kind moved. */
    Map<String, Integer> moveCustomer(long fromId, long toId);
}
