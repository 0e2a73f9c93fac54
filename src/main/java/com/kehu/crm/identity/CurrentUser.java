package com.kehu.crm.identity;

import org.jspecify.annotations.Nullable;

/** The signed-in user as services see it. Controllers get it from {@link CrmUserDetails#currentUser()}. */
public record CurrentUser(
        long id, String username, Role role, @Nullable Long teamId) {

    public boolean is(Role candidate) {
        return role == candidate;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean isManager() {
        return role == Role.MANAGER;
    }
}
