/**
 * Orders (订单): the price list of products, sales orders with their lines, progress status and cost/margin, and
 * the payments received against them (回款单). Owns the {@code product}, {@code sales_order}, {@code order_line},
 * {@code order_status_change} and {@code payment} tables. An order belongs to its customer and is visible and
 * changeable exactly as the customer is; completing one moves the customer through the customer module's API.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "customer", "sales"})
@NullMarked
package com.kehu.crm.order;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
