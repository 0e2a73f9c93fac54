package com.kehu.crm.identity;

import static com.kehu.crm.support.IntegrationTest.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.kehu.crm.support.IntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class SignInIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void signsInAndOut() {
        assertThat(mvc.perform(formLogin().user("rep1").password(PASSWORD)))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/");
        assertThat(mvc.perform(formLogin().user("REP1 ").password(PASSWORD)))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/");
        assertThat(mvc.perform(formLogin().user("rep1").password("wrong")))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/login?error");
    }

    @Test
    void locksAUsernameAfterRepeatedFailuresWithoutRevealingWhetherItExists() {
        for (String username : new String[] {"rep2", "nobody-here"}) {
            for (int i = 0; i < 5; i++) {
                assertThat(mvc.perform(formLogin().user(username).password("wrong-" + i)))
                        .hasRedirectedUrl("/login?error");
            }
            // locked now: even the right password is refused, and the answer is the same for a made-up name
            assertThat(mvc.perform(formLogin().user(username).password(PASSWORD)))
                    .hasRedirectedUrl("/login?locked");
        }
        jdbc.sql("update login_attempt set locked_until = now() - interval '1 second' where username_key = 'rep2'")
                .update();
        assertThat(mvc.perform(formLogin().user("rep2").password(PASSWORD))).hasRedirectedUrl("/");
        assertThat(jdbc.sql("select count(*) from login_attempt where username_key = 'rep2'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void servesTheLoginPageInTheBrowsersLanguageWithSecurityHeaders() {
        MvcTestResult zh = mvc.get()
                .uri("/login")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN,zh;q=0.9,en;q=0.5")
                .exchange();
        assertThat(zh).hasStatusOk().bodyText().contains("登录", "lang=\"zh-CN\"");
        assertThat(zh)
                .hasHeader("X-Frame-Options", "DENY")
                .hasHeader("X-Content-Type-Options", "nosniff")
                .hasHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        assertThat(zh.getResponse().getHeader("Content-Security-Policy"))
                .contains("script-src 'self';", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(mvc.get().uri("/login").header(HttpHeaders.ACCEPT_LANGUAGE, "fr-FR"))
                .bodyText()
                .contains("Sign in");
    }

    @Test
    void exposesOnlyHealthAndInfo() {
        assertThat(mvc.get().uri("/actuator/health")).hasStatusOk();
        assertThat(mvc.get().uri("/actuator/info")).hasStatusOk();
        assertThat(mvc.get().uri("/actuator/env").with(admin())).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/actuator/beans").with(admin())).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void redirectsAnonymousVisitorsToTheLoginPage() {
        assertThat(mvc.get().uri("/")).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login");
        assertThat(mvc.get().uri("/admin/users")).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login");
        assertThat(mvc.get().uri("/webjars/bootstrap/css/bootstrap.min.css")).hasStatusOk();
        assertThat(mvc.get().uri("/webjars/htmx.org/dist/htmx.min.js")).hasStatusOk();
        assertThat(mvc.get().uri("/assets/css/crm.css")).hasStatusOk();
    }

    @Test
    void savesTheLanguageChosenInTheHeaderAndRestoresItAtTheNextSignIn() {
        // sessions live in PostgreSQL (Spring Session JDBC) and are found by their cookie
        Cookie session = mvc.perform(formLogin().user("rep3").password(PASSWORD))
                .getResponse()
                .getCookie("KEHU_SESSION");
        assertThat(session).isNotNull();
        assertThat(session.getAttribute("SameSite")).isEqualTo("Lax");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(mvc.get().uri("/").cookie(session)).bodyText().contains("Welcome");
        assertThat(mvc.post()
                        .uri("/account/language")
                        .cookie(session)
                        .with(csrf())
                        .param("lang", "zh-CN")
                        .param("returnTo", "https://evil.example/"))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/");
        assertThat(mvc.get().uri("/").cookie(session)).bodyText().contains("欢迎");
        assertThat(jdbc.sql("select preferred_language from app_user where username = 'rep3'")
                        .query(String.class)
                        .single())
                .isEqualTo("zh-CN");

        Cookie next = mvc.perform(formLogin().user("rep3").password(PASSWORD))
                .getResponse()
                .getCookie("KEHU_SESSION");
        assertThat(mvc.get().uri("/").cookie(next).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .bodyText()
                .contains("欢迎");
        jdbc.sql("update app_user set preferred_language = null where username = 'rep3'")
                .update();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("admin")
                .roles("ADMIN");
    }
}
