package com.kehu.crm.identity;

import org.jspecify.annotations.Nullable;

/** An admin edits a user's name, role, team and language. */
public record UpdateUser(
        long version,
        String displayName,
        Role role,
        @Nullable Long teamId,
        @Nullable Language language) {}
