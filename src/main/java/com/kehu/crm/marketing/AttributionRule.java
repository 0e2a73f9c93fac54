package com.kehu.crm.marketing;

/**
 * Which campaign an order counts for when it falls within the windows of several campaigns that touched the customer:
 * the latest touch on or before the order (default), or the earliest. Ties go to the higher campaign id under
 * LAST_TOUCH and to the lower under FIRST_TOUCH, so every order counts for exactly one campaign.
 */
public enum AttributionRule {
    LAST_TOUCH,
    FIRST_TOUCH
}
