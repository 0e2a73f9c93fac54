package com.kehu.crm.identity;

import com.kehu.crm.shared.domain.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/** A person who signs in. The table is {@code app_user} because {@code user} is reserved in PostgreSQL. */
@Entity
@Table(name = "app_user")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class User extends BaseEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
    private @Nullable Long id;

    @Column(nullable = false, updatable = false)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "team_id")
    private @Nullable Team team;

    @Convert(converter = LanguageConverter.class)
    @Column(name = "preferred_language")
    private @Nullable Language preferredLanguage;

    @Column(name = "password_changed_at")
    private @Nullable Instant passwordChangedAt;

    User(String username, String displayName, String passwordHash, Role role, @Nullable Team team) {
        Assert.hasText(username, "username must not be empty");
        this.username = normalise(username);
        this.passwordHash = passwordHash;
        this.enabled = true;
        this.passwordChangedAt = Instant.now();
        update(displayName, role, team, null);
    }

    static String normalise(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    void update(String displayName, Role role, @Nullable Team team, @Nullable Language language) {
        Assert.hasText(displayName, "display name must not be empty");
        Assert.notNull(role, "role must not be null");
        this.displayName = displayName.strip();
        this.role = role;
        this.team = team;
        this.preferredLanguage = language;
    }

    void changePassword(String newHash) {
        this.passwordHash = newHash;
        this.passwordChangedAt = Instant.now();
    }

    void preferLanguage(@Nullable Language language) {
        this.preferredLanguage = language;
    }

    void disable() {
        this.enabled = false;
    }

    void enable() {
        this.enabled = true;
    }

    @Nullable
    Long teamId() {
        return team == null ? null : team.getId();
    }
}
