/**
 * Satisfaction surveys (满意度调查, CATALOG 3.3): the configurable attributes rated one by one, invitations created
 * when a ticket closes or an order completes (a single-use, expiring link whose token is stored only as its SHA-256
 * hash), the public answer page, responses recorded by staff over the phone, and their lists. Owns the
 * {@code survey_*} tables. Responses follow their customer's read rules; it reads {@code ticket} and
 * {@code sales_order} by id only, to check that a ticket or order belongs to the customer.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "customer", "support", "order", "notification"})
@NullMarked
package com.kehu.crm.survey;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
