package com.kehu.crm.identity;

import org.jspecify.annotations.Nullable;

/** A line of the admin's user list. */
public record UserRow(
        long id,
        String username,
        String displayName,
        Role role,
        @Nullable String teamName,
        boolean enabled,
        @Nullable Language preferredLanguage) {}
