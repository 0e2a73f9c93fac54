package com.kehu.crm.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What the admin's user form edits. */
public record UserDetailsView(
        long id,
        String username,
        String displayName,
        Role role,
        @Nullable Long teamId,
        @Nullable Language preferredLanguage,
        boolean enabled,
        long version,
        @Nullable Instant passwordChangedAt) {}
