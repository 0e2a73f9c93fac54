package com.kehu.crm.notification;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A notification as the bell menu shows it; the template resolves {@code messageKey} with {@code messageArgs}. */
public record NotificationView(
        long id,
        String kind,
        String messageKey,
        List<String> messageArgs,
        @Nullable String link,
        boolean read,
        Instant createdAt) {}
