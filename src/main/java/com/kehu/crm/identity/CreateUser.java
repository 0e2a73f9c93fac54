package com.kehu.crm.identity;

import org.jspecify.annotations.Nullable;

/** An admin creates a user with an initial password. */
public record CreateUser(
        String username,
        String displayName,
        Role role,
        @Nullable Long teamId,
        @Nullable Language language,
        String password) {}
