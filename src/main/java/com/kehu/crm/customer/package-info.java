/**
 * Customers (客户): individuals and enterprises, their classification, status history and profile. Owns the
 * {@code customer} tables; asks {@code identity} who may see what. Later modules reference customers by id.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity"})
@NullMarked
package com.kehu.crm.customer;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
