/**
 * Sales (销售): leads and the prospect pool (公海/私海); later opportunities and the pipeline. Owns the {@code lead}
 * table; converts leads into customers and contacts through those modules' services.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "customer", "contact", "notification"})
@NullMarked
package com.kehu.crm.sales;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
