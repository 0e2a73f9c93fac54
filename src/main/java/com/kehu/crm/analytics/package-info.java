/**
 * Customer analytics (issue 7): value tiers, RFM, lifetime value (BG/NBD and Gamma-Gamma), loyalty, satisfaction,
 * lifecycle and churn, funnel. It reads other modules' data through views it owns and writes only its own tables.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "customer"})
@NullMarked
package com.kehu.crm.analytics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
