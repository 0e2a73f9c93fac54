package com.kehu.crm.identity.web;

import static com.kehu.crm.identity.WebSecurityTestConfiguration.principal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.DuplicateUsernameException;
import com.kehu.crm.identity.Role;
import com.kehu.crm.identity.TeamRef;
import com.kehu.crm.identity.UserQueries;
import com.kehu.crm.identity.UserRow;
import com.kehu.crm.identity.UserService;
import com.kehu.crm.identity.WeakPasswordException;
import com.kehu.crm.identity.WebSecurityTestConfiguration;
import com.kehu.crm.shared.web.Formats;
import com.kehu.crm.shared.web.PageView;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebMvcTest({UserAdminController.class, AccountController.class})
@Import({WebSecurityTestConfiguration.class, Formats.class})
class UserAdminControllerTests {

    static final CrmUserDetails ADMIN = principal(1, "admin", Role.ADMIN, null);
    static final CrmUserDetails MANAGER = principal(2, "manager", Role.MANAGER, 1L);

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    UserQueries queries;

    @MockitoBean
    UserService service;

    @BeforeEach
    void setUp() {
        given(queries.search(any(), anyInt(), anyInt()))
                .willReturn(new PageView<>(
                        List.of(new UserRow(3, "rep1", "张伟 Zhang Wei", Role.SALES_REP, "East", true, null)),
                        25,
                        0,
                        1,
                        true));
        given(queries.teams()).willReturn(List.of(new TeamRef(1, "East")));
    }

    @Test
    void onlyAdminsSeeTheUserScreens() {
        assertThat(mvc.get().uri("/admin/users").with(user(MANAGER))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/admin/users").with(user(ADMIN)))
                .hasStatusOk()
                .bodyText()
                .contains("rep1", "张伟 Zhang Wei", "Sales rep");
    }

    @Test
    void createsAUserWithAValidPassword() {
        given(service.create(any(), any())).willReturn(9L);
        assertThat(mvc.post()
                        .uri("/admin/users")
                        .with(user(ADMIN))
                        .with(csrf())
                        .param("username", "rep9")
                        .param("displayName", "New Rep")
                        .param("role", "SALES_REP")
                        .param("teamId", "1")
                        .param("password", "a long private phrase"))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/admin/users/9");
    }

    @Test
    void showsWhyAUserCannotBeCreated() {
        given(service.create(any(), any())).willThrow(new WeakPasswordException(List.of("password.common")));
        assertThat(mvc.post()
                        .uri("/admin/users")
                        .with(user(ADMIN))
                        .with(csrf())
                        .param("username", "rep9")
                        .param("displayName", "New Rep")
                        .param("role", "SALES_REP")
                        .param("password", "password1"))
                .hasStatusOk()
                .hasViewName("admin/users/form")
                .bodyText()
                .contains("This password is too common");

        org.mockito.BDDMockito.willThrow(new DuplicateUsernameException("rep1"))
                .given(service)
                .create(any(), any());
        assertThat(mvc.post()
                        .uri("/admin/users")
                        .with(user(ADMIN))
                        .with(csrf())
                        .param("username", "rep1")
                        .param("displayName", "Dup")
                        .param("role", "SALES_REP")
                        .param("password", "a long private phrase"))
                .model()
                .extractingBindingResult("user")
                .hasFieldErrors("username");

        assertThat(mvc.post()
                        .uri("/admin/users")
                        .with(user(ADMIN))
                        .with(csrf())
                        .param("username", "bad name!")
                        .param("displayName", "")
                        .param("role", "SALES_REP"))
                .model()
                .extractingBindingResult("user")
                .hasFieldErrors("username", "displayName", "password");
    }

    @Test
    void changesTheOwnPasswordOnlyWhenBothEntriesMatch() {
        assertThat(mvc.post()
                        .uri("/account/password")
                        .with(user(MANAGER))
                        .with(csrf())
                        .param("currentPassword", "kehu-demo")
                        .param("newPassword", "a long private phrase")
                        .param("confirmPassword", "a different phrase"))
                .hasStatusOk()
                .model()
                .extractingBindingResult("form")
                .hasFieldErrors("confirmPassword");
        verify(service, never()).changeOwnPassword(eq(2L), any(), any());

        assertThat(mvc.post()
                        .uri("/account/password")
                        .with(user(MANAGER))
                        .with(csrf())
                        .param("currentPassword", "kehu-demo")
                        .param("newPassword", "a long private phrase")
                        .param("confirmPassword", "a long private phrase"))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/");
        verify(service).changeOwnPassword(2L, "kehu-demo", "a long private phrase");
    }

    @Test
    void rendersScreensInChineseWhenAsked() {
        assertThat(mvc.get().uri("/admin/users?lang=zh-CN").with(user(ADMIN)))
                .hasStatusOk()
                .bodyText()
                .contains("用户", "销售代表");
    }
}
