package com.kehu.crm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.kehu.crm.shared.config.JpaConfig;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;

/** The identity queries against the Flyway schema on PostgreSQL. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(JpaConfig.class)
class UserRepositoryTests {

    @Autowired
    UserRepository users;

    @Autowired
    TeamRepository teams;

    Team west;

    @BeforeEach
    void createATeam() {
        west = teams.save(new Team("West " + System.nanoTime()));
        users.save(new User("wmanager", "West Manager", "{noop}x", Role.MANAGER, west));
        users.save(new User("wrep", "West Rep", "{noop}x", Role.SALES_REP, west));
        User gone = users.save(new User("wgone", "Gone Rep", "{noop}x", Role.SALES_REP, west));
        gone.disable();
        users.save(new User("wagent", "West Agent", "{noop}x", Role.SUPPORT_AGENT, west));
        users.flush();
    }

    @Test
    void findsTheEnabledOwnersOfATeam() {
        assertThat(users.findAssignable(List.of(Role.SALES_REP, Role.MANAGER), west.getId()))
                .extracting(UserRef::username)
                .containsExactly("wmanager", "wrep");
        assertThat(users.findIdsByTeamId(west.getId())).hasSize(4);
    }

    @Test
    void searchesByUsernameOrDisplayNameIgnoringCase() {
        assertThat(users.search("west", "%west%", PageRequest.of(0, 10)).getContent())
                .extracting(UserRow::username)
                .containsExactly("wagent", "wmanager", "wrep");
        assertThat(users.search("wrep", "%wrep%", PageRequest.of(0, 10)).getContent())
                .singleElement()
                .satisfies(row -> assertThat(row.teamName()).startsWith("West"));
    }

    @Test
    void loadsTheTeamWithTheUserForSignIn() {
        User user = users.findForLogin("wrep").orElseThrow();
        assertThat(user.teamId()).isEqualTo(west.getId());
        assertThat(user.getUsername()).isEqualTo("wrep");
    }
}
