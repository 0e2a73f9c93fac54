package com.kehu.crm.shared.handover;

import java.util.Map;

/**
 * A module's part in handing a departing rep's work to another rep in one action. Runs inside the caller's
 * transaction, so the whole handover succeeds or changes nothing. Returns how many records moved, by message key
 * (for example {@code handover.customers}).
 */
public interface HandoverParticipant {

    Map<String, Integer> handOver(long fromUserId, long toUserId);
}
