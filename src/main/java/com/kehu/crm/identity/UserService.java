package com.kehu.crm.identity;

import com.kehu.crm.shared.audit.AuditEvent;
import com.kehu.crm.shared.audit.AuditEventKind;
import com.kehu.crm.shared.audit.AuditLog;
import com.kehu.crm.shared.domain.EditConflictException;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Commands on users: the admin's screens and a user's own password and language. */
@Service
@Transactional
@RequiredArgsConstructor
public class UserService {

    private final UserRepository users;
    private final TeamRepository teams;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final AuditLog audit;

    public long create(CreateUser command) {
        String username = User.normalise(command.username());
        if (users.existsByUsername(username)) {
            throw new DuplicateUsernameException(username);
        }
        checkPassword(command.password(), username);
        User user = new User(
                username,
                command.displayName(),
                encoder.encode(command.password()),
                command.role(),
                team(command.teamId()));
        user.preferLanguage(command.language());
        users.save(user);
        appointIfManager(user);
        return user.getId();
    }

    /** An admin creates an account: recorded in the audit log (never the password). */
    public long create(CreateUser command, CurrentUser admin) {
        long id = create(command);
        User user = load(id);
        audit.record(event(AuditEventKind.USER_CHANGE, admin, user, "Created user " + user.getUsername())
                .with(AuditLog.facts("username", user.getUsername(), "role", user.getRole())));
        return id;
    }

    public void update(long id, UpdateUser command, CurrentUser admin) {
        User user = users.findWithTeamById(id).orElseThrow(() -> UserNotFoundException.forId(id));
        if (user.getVersion() != command.version()) {
            throw new EditConflictException("User " + id, command.version(), user.getVersion());
        }
        if (user.getId() == admin.id() && command.role() != Role.ADMIN) {
            throw new AccessDeniedException("Admins cannot take away their own admin role");
        }
        Role oldRole = user.getRole();
        String oldTeam = teamName(user.getTeam());
        String oldName = user.getDisplayName();
        user.update(command.displayName(), command.role(), team(command.teamId()), command.language());
        appointIfManager(user);
        if (oldRole != user.getRole()) {
            audit.record(event(
                            AuditEventKind.ROLE_CHANGE,
                            admin,
                            user,
                            "Role of " + user.getUsername() + ": " + oldRole + " → " + user.getRole())
                    .with(AuditLog.facts("username", user.getUsername(), "from", oldRole, "to", user.getRole())));
        }
        String newTeam = teamName(user.getTeam());
        if (!java.util.Objects.equals(oldTeam, newTeam) || !oldName.equals(user.getDisplayName())) {
            audit.record(event(AuditEventKind.USER_CHANGE, admin, user, "Changed user " + user.getUsername())
                    .with(AuditLog.facts(
                            "username", user.getUsername(),
                            "team", (oldTeam == null ? "—" : oldTeam) + " → " + (newTeam == null ? "—" : newTeam),
                            "displayName", oldName + " → " + user.getDisplayName())));
        }
    }

    public void disable(long id, CurrentUser admin) {
        if (id == admin.id()) {
            throw new AccessDeniedException("Admins cannot disable themselves");
        }
        User user = load(id);
        user.disable();
        audit.record(event(AuditEventKind.USER_CHANGE, admin, user, "Disabled user " + user.getUsername())
                .with(AuditLog.facts("username", user.getUsername(), "enabled", false)));
    }

    public void enable(long id, CurrentUser admin) {
        User user = load(id);
        user.enable();
        audit.record(event(AuditEventKind.USER_CHANGE, admin, user, "Enabled user " + user.getUsername())
                .with(AuditLog.facts("username", user.getUsername(), "enabled", true)));
    }

    private static AuditEvent event(AuditEventKind kind, CurrentUser admin, User user, String summary) {
        return AuditEvent.of(kind, admin.id(), admin.username(), summary).about("USER", user.getId());
    }

    private static @Nullable String teamName(@Nullable Team team) {
        return team == null ? null : team.getName();
    }

    public void resetPassword(long id, String newPassword) {
        User user = load(id);
        checkPassword(newPassword, user.getUsername());
        user.changePassword(encoder.encode(newPassword));
    }

    /** An admin sets another user's password: recorded in the audit log (that it happened, not the password). */
    public void resetPassword(long id, String newPassword, CurrentUser admin) {
        resetPassword(id, newPassword);
        User user = load(id);
        audit.record(event(AuditEventKind.USER_CHANGE, admin, user, "Reset the password of " + user.getUsername())
                .with(AuditLog.facts("username", user.getUsername(), "password", "reset")));
    }

    public void changeOwnPassword(long userId, String currentPassword, String newPassword) {
        User user = load(userId);
        if (!encoder.matches(currentPassword, user.getPasswordHash())) {
            throw new WrongPasswordException();
        }
        checkPassword(newPassword, user.getUsername());
        user.changePassword(encoder.encode(newPassword));
    }

    public void setLanguage(long userId, @Nullable Language language) {
        load(userId).preferLanguage(language);
    }

    private void checkPassword(String password, String username) {
        List<String> problems = policy.problems(password, username);
        if (!problems.isEmpty()) {
            throw new WeakPasswordException(problems);
        }
    }

    private void appointIfManager(User user) {
        Team team = user.getTeam();
        if (user.getRole() == Role.MANAGER && team != null) {
            team.appointManager(user.getId());
        }
    }

    private @Nullable Team team(@Nullable Long teamId) {
        return teamId == null ? null : teams.findById(teamId).orElseThrow(() -> UserNotFoundException.forId(teamId));
    }

    private User load(long id) {
        return users.findById(id).orElseThrow(() -> UserNotFoundException.forId(id));
    }
}
