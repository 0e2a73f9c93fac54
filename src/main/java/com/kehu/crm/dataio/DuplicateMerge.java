package com.kehu.crm.dataio;

import com.kehu.crm.customer.CustomerDetails;
import com.kehu.crm.customer.CustomerMergeService;
import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.identity.CurrentUser;
import java.util.Map;
import lombok.RequiredArgsConstructor;
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
}
