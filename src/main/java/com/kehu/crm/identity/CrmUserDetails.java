package com.kehu.crm.identity;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The security principal. Serializable because sessions live in PostgreSQL (Spring Session JDBC). */
public final class CrmUserDetails implements UserDetails, CredentialsContainer, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String username;
    private final String displayName;
    private final Role role;
    private final @Nullable Long teamId;
    private final @Nullable Language language;
    private final boolean enabled;
    private @Nullable String passwordHash;

    CrmUserDetails(
            long id,
            String username,
            String displayName,
            Role role,
            @Nullable Long teamId,
            @Nullable Language language,
            boolean enabled,
            String passwordHash) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.teamId = teamId;
        this.language = language;
        this.enabled = enabled;
        this.passwordHash = passwordHash;
    }

    /** A signed-in principal without a password, for tests and for code that acts on a user's behalf. */
    public static CrmUserDetails of(CurrentUser user, String displayName) {
        return new CrmUserDetails(user.id(), user.username(), displayName, user.role(), user.teamId(), null, true, "");
    }

    public CurrentUser currentUser() {
        return new CurrentUser(id, username, role, teamId);
    }

    public long getId() {
        return id;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Role getRole() {
        return role;
    }

    public @Nullable Language getLanguage() {
        return language;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof CrmUserDetails that && that.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "CrmUserDetails[" + username + "]";
    }
}
