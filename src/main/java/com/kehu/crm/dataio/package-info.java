/**
 * Data in and out (issue 6): duplicate detection and merge of customers, and imports of customers, orders, contacts,
 * leads, products and payments (CSV or .xlsx). A merge moves records between customers only through the
 * {@code shared.merge} extension point that each owning module implements, so it needs no knowledge of their tables.
 * Imports of contacts, leads and payments use the contact, sales and order modules' enums (channels, lead sources,
 * payment methods) and write their tables set-based under those modules' rules.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "customer", "order", "contact", "sales"})
@NullMarked
package com.kehu.crm.dataio;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
