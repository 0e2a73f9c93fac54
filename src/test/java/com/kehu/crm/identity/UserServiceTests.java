package com.kehu.crm.identity;

import static com.kehu.crm.support.IntegrationTest.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kehu.crm.shared.domain.EditConflictException;
import com.kehu.crm.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

@IntegrationTest
class UserServiceTests {

    @Autowired
    UserService service;

    @Autowired
    UserQueries queries;

    @Autowired
    TeamRepository teams;

    @Autowired
    AuthenticationManager authentication;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    CurrentUser admin() {
        var ref = queries.refByUsername("admin").orElseThrow();
        return new CurrentUser(ref.id(), "admin", Role.ADMIN, null);
    }

    boolean canSignIn(String username, String password) {
        try {
            return authentication
                    .authenticate(new UsernamePasswordAuthenticationToken(username, password))
                    .isAuthenticated();
        } catch (org.springframework.security.core.AuthenticationException e) {
            if (e instanceof DisabledException) {
                return false;
            }
            return false;
        }
    }

    @Test
    void anAdminsCreationAndPasswordResetAreInTheAuditLogWithoutThePassword() {
        String username = "audited-" + UUID.randomUUID().toString().substring(0, 6);
        long id = service.create(
                new CreateUser(username, "审计", Role.SALES_REP, null, null, "a long private phrase"), admin());
        service.resetPassword(id, "another long private phrase", admin());

        var rows = jdbc.sql("""
                        select summary, actor_name, details::text as details from audit_event
                        where kind = 'USER_CHANGE' and entity_type = 'USER' and entity_id = :id order by id""").param("id", id).query().listOfRows();
        assertThat(rows)
                .extracting(r -> r.get("summary"))
                .containsExactly("Created user " + username, "Reset the password of " + username);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("actor_name")).isEqualTo("admin");
            assertThat(r.get("details").toString()).doesNotContain("private phrase");
        });
    }

    @Test
    void createsUsersWithHashedPasswordsAndNormalisedNames() {
        String username = "Rep-" + UUID.randomUUID().toString().substring(0, 6);
        long east = teams.findByName("East").orElseThrow().getId();
        long id = service.create(
                new CreateUser(username, "新同事", Role.SALES_REP, east, Language.ZH_CN, "a long private phrase"));

        var details = queries.details(id);
        assertThat(details.username()).isEqualTo(username.toLowerCase());
        assertThat(details.preferredLanguage()).isEqualTo(Language.ZH_CN);
        assertThat(canSignIn(username.toUpperCase(), "a long private phrase")).isTrue();
        assertThatThrownBy(() -> service.create(
                        new CreateUser(username, "Dup", Role.SALES_REP, null, null, "a long private phrase")))
                .isInstanceOf(DuplicateUsernameException.class);
        assertThatThrownBy(() ->
                        service.create(new CreateUser("weak-" + username, "W", Role.SALES_REP, null, null, "12345678")))
                .isInstanceOf(WeakPasswordException.class);
    }

    @Test
    void disabledUsersCannotSignInAndAdminsCannotLockThemselvesOut() {
        long id = service.create(new CreateUser(
                "tmp-" + UUID.randomUUID().toString().substring(0, 6),
                "Temp",
                Role.SUPPORT_AGENT,
                null,
                null,
                "a long private phrase"));
        String username = queries.details(id).username();

        service.disable(id, admin());
        assertThat(canSignIn(username, "a long private phrase")).isFalse();
        service.enable(id, admin());
        assertThat(canSignIn(username, "a long private phrase")).isTrue();

        assertThatThrownBy(() -> service.disable(admin().id(), admin())).isInstanceOf(AccessDeniedException.class);
        var self = queries.details(admin().id());
        assertThatThrownBy(() -> service.update(
                        admin().id(), new UpdateUser(self.version(), "Admin", Role.SALES_REP, null, null), admin()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void detectsConcurrentEditsOfAUser() {
        long id = service.create(new CreateUser(
                "edit-" + UUID.randomUUID().toString().substring(0, 6),
                "Edit",
                Role.MARKETER,
                null,
                null,
                "a long private phrase"));
        long version = queries.details(id).version();

        service.update(id, new UpdateUser(version, "Edited", Role.MARKETER, null, Language.EN), admin());

        assertThatThrownBy(
                        () -> service.update(id, new UpdateUser(version, "Stale", Role.MARKETER, null, null), admin()))
                .isInstanceOf(EditConflictException.class);
        assertThat(queries.details(id).displayName()).isEqualTo("Edited");
    }

    @Test
    void changesTheOwnPasswordAfterCheckingTheCurrentOne() {
        long id = service.create(new CreateUser(
                "pw-" + UUID.randomUUID().toString().substring(0, 6),
                "Pw",
                Role.SALES_REP,
                null,
                null,
                PASSWORD + "-initial"));
        String username = queries.details(id).username();

        assertThatThrownBy(() -> service.changeOwnPassword(id, "wrong", "another long phrase"))
                .isInstanceOf(WrongPasswordException.class);
        service.changeOwnPassword(id, PASSWORD + "-initial", "another long phrase");
        assertThat(canSignIn(username, "another long phrase")).isTrue();
        assertThat(canSignIn(username, PASSWORD + "-initial")).isFalse();
        service.resetPassword(id, "reset by the admin");
        assertThat(canSignIn(username, "reset by the admin")).isTrue();
    }

    @Test
    void scopesManagersToTheirTeam() {
        var manager = queries.refByUsername("manager").orElseThrow();
        long east = teams.findByName("East").orElseThrow().getId();
        var scope = queries.ownerScope(new CurrentUser(manager.id(), "manager", Role.MANAGER, east));
        long rep1 = queries.refByUsername("rep1").orElseThrow().id();
        long rep3 = queries.refByUsername("rep3").orElseThrow().id();

        assertThat(scope.includes(rep1)).isTrue();
        assertThat(scope.includes(manager.id())).isTrue();
        assertThat(scope.includes(rep3)).isFalse();
        assertThat(teams.findByName("East").orElseThrow().getManagerId()).isEqualTo(manager.id());
        assertThat(queries.assignableOwners(new CurrentUser(manager.id(), "manager", Role.MANAGER, east)))
                .extracting(UserRef::username)
                .contains("manager", "rep1", "rep2")
                .doesNotContain("rep3", "agent1");
        assertThat(queries.assignableOwners(admin()))
                .extracting(UserRef::username)
                .contains("rep1", "rep3", "manager2")
                .doesNotContain("agent1", "marketer1", "admin");
    }
}
