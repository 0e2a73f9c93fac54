package com.kehu.crm.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in settings.
 *
 * @param maxFailures failed logins for one username before it is locked
 * @param lockDuration how long the lock lasts
 * @param failureWindow failures older than this are forgotten
 * @param bootstrapAdminUsername the first admin created in production when there are no users yet
 * @param bootstrapAdminPassword its password, from CRM_ADMIN_PASSWORD; never the demo password
 */
@ConfigurationProperties("crm.identity")
public record IdentityProperties(
        @DefaultValue("5") int maxFailures,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("1h") Duration failureWindow,
        @DefaultValue("admin") String bootstrapAdminUsername,
        @DefaultValue("") String bootstrapAdminPassword) {}
