/**
 * Activities (沟通记录 / 客户互动): calls, visits, meetings, e-mails, notes and tasks on a customer or a lead, with
 * follow-up dates and task reminders; "my day"; the activities part of the customer 360 timeline and of a rep's
 * handover. Owns the {@code activity} table. An activity follows the record rules of its customer, or of its lead.
 */
@ApplicationModule(
        allowedDependencies = {"shared", "identity", "customer", "contact", "sales", "order", "notification"})
@NullMarked
package com.kehu.crm.activity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
