/**
 * In-app notifications (通知): large-deal alerts for managers, task reminders and the like. Owns the
 * {@code notification} table; other modules call {@link com.kehu.crm.notification.NotificationService#notify}.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity"})
@NullMarked
package com.kehu.crm.notification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
