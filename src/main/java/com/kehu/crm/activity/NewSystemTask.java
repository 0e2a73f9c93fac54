package com.kehu.crm.activity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A task the system creates for a customer's owner (a care greeting, a periodic visit…): due at {@code dueAt},
 * optionally about one of the customer's contacts.
 */
public record NewSystemTask(
        long ownerId,
        long customerId,
        @Nullable Long contactId,
        String subject,
        @Nullable String details,
        Instant dueAt) {

    static final int SUBJECT_MAX = 200;

    public NewSystemTask {
        subject = subject.strip();
        if (subject.isEmpty()) {
            throw new IllegalArgumentException("A task needs a subject");
        }
        if (subject.length() > SUBJECT_MAX) {
            subject = subject.substring(0, SUBJECT_MAX - 1) + "…";
        }
    }
}
