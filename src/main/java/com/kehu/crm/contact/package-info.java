/**
 * Contacts (联系人): the people at a customer, with their role flags (负责人, decision maker) and how they like to
 * be reached. Owns the {@code contact} table; a contact is visible to whoever may see its customer.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "customer"})
@NullMarked
package com.kehu.crm.contact;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
