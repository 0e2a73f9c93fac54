/**
 * Data in and out (issue 6): duplicate detection and merge of customers, and imports of customers and orders. A merge
 * moves records between customers only through the {@code shared.merge} extension point that each owning module
 * implements, so it needs no knowledge of their tables.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "customer", "order"})
@NullMarked
package com.kehu.crm.dataio;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
