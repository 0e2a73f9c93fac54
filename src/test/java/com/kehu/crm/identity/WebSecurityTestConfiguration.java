package com.kehu.crm.identity;

import static org.mockito.Mockito.mock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * For {@code @WebMvcTest}s: the real {@link SecurityConfig} with its database-backed collaborators mocked, so
 * controller slices are tested with the production URL rules, CSRF and headers.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SecurityConfig.class)
public class WebSecurityTestConfiguration {

    @Bean
    CrmUserDetailsService crmUserDetailsService() {
        return mock(CrmUserDetailsService.class);
    }

    @Bean
    LoginThrottle loginThrottle() {
        return mock(LoginThrottle.class);
    }

    public static CrmUserDetails principal(long id, String username, Role role, Long teamId) {
        return CrmUserDetails.of(new CurrentUser(id, username, role, teamId), username);
    }
}
