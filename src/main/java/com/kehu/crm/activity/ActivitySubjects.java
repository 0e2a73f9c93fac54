package com.kehu.crm.activity;

import com.kehu.crm.customer.CustomerAccessLevel;
import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.sales.LeadVisibility;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The record rule of activities: one on a customer is visible and editable as the customer is; one on a lead only
 * as the lead is (any seller for a pool lead, the owner's scope for a private one).
 */
@Component
@RequiredArgsConstructor
class ActivitySubjects {

    private final CustomerQueries customers;
    private final LeadVisibility leads;

    CustomerAccessLevel accessTo(@Nullable Long customerId, @Nullable Long leadId, CurrentUser user) {
        if (customerId != null) {
            return customers.accessTo(customerId, user);
        }
        if (leadId != null && leads.isVisible(leadId, user)) {
            // only sellers see leads, and every seller who sees one may work it
            return CustomerAccessLevel.WRITE;
        }
        return CustomerAccessLevel.NONE;
    }
}
