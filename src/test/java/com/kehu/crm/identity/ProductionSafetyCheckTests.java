package com.kehu.crm.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class ProductionSafetyCheckTests {

    private final UserRepository users = mock(UserRepository.class);
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private ProductionSafetyCheck check(String adminPassword) {
        var properties = new IdentityProperties(5, Duration.ofMinutes(15), Duration.ofHours(1), "admin", adminPassword);
        return new ProductionSafetyCheck(properties, users, encoder, new PasswordPolicy());
    }

    @Test
    void refusesTheDemoPasswordForTheFirstAdmin() {
        assertThatThrownBy(() -> check("kehu-demo").run(new DefaultApplicationArguments()))
                .hasMessageContaining("demo password");
    }

    @Test
    void needsAnAdminPasswordWhenThereAreNoUsers() {
        given(users.count()).willReturn(0L);
        assertThatThrownBy(() -> check("").run(new DefaultApplicationArguments()))
                .hasMessageContaining("CRM_ADMIN_PASSWORD");
        assertThatThrownBy(() -> check("password1").run(new DefaultApplicationArguments()))
                .hasMessageContaining("too weak");
    }

    @Test
    void createsTheFirstAdmin() {
        given(users.count()).willReturn(0L);
        assertThatCode(() -> check("a long and private phrase").run(new DefaultApplicationArguments()))
                .doesNotThrowAnyException();
        verify(users).save(any(User.class));
    }

    @Test
    void refusesToStartWhileADemoAccountKeepsTheDemoPassword() {
        given(users.count()).willReturn(8L);
        User rep = new User("rep1", "Rep", encoder.encode("kehu-demo"), Role.SALES_REP, null);
        given(users.findByUsername(any())).willReturn(Optional.empty());
        given(users.findByUsername("rep1")).willReturn(Optional.of(rep));
        assertThatThrownBy(() -> check("").run(new DefaultApplicationArguments()))
                .hasMessageContaining("rep1");
        verify(users, never()).save(any());
    }
}
