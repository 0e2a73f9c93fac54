/**
 * Marketing (CATALOG 1.8, 1.11, 4.6-4.9; features 25-34): campaigns with budgets, expense claims (报销单据) and
 * members' responses, attribution of orders to campaigns and the ROI report; segments (saved customer filters) and
 * target-list exports; tier-based customer care programmes (客户分级管理, 客户关怀); win-back. Owns the
 * {@code campaign*}, {@code segment*} and {@code care*} tables. Reads customers, contacts, leads and orders with SQL
 * joins of their tables (read-only) and changes them only through their modules' services.
 */
@ApplicationModule(
        allowedDependencies = {"shared", "identity", "customer", "contact", "sales", "order", "activity", "notification"
        })
@NullMarked
package com.kehu.crm.marketing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
