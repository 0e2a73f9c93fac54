package com.kehu.crm.analytics.web;

import static com.kehu.crm.support.IntegrationTest.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.kehu.crm.analytics.AnalyticsParameterChange;
import com.kehu.crm.analytics.AnalyticsParameters;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The admin screen of the analytics parameters: the form, saving with per-field errors in both languages, the
 * conflict of two admins, reset to default, and "Refresh now". Every test puts the parameters back as it found them:
 * other tests read them.
 */
@IntegrationTest
class AnalyticsParametersScreenTests {

    private static final Set<String> PERCENT = Set.of(
            "vipShare",
            "importantShare",
            "annualDiscountRate",
            "mvcShare",
            "stcShare",
            "churnAliveBelow",
            "atRiskAliveBelow",
            "lifecycleTrend");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    AnalyticsParameterChange change;

    String overridesBefore;

    @BeforeEach
    void rememberTheParameters() {
        overridesBefore = overrides();
    }

    @AfterEach
    void restoreTheParameters() {
        jdbc.sql("update analytics_parameters set overrides = cast(:o as jsonb) where id = 1")
                .param("o", overridesBefore)
                .update();
    }

    RequestPostProcessor user(String username) {
        return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
    }

    String overrides() {
        return jdbc.sql("select overrides::text from analytics_parameters where id = 1")
                .query(String.class)
                .single();
    }

    long version() {
        return jdbc.sql("select version from analytics_parameters where id = 1")
                .query(Long.class)
                .single();
    }

    long userId(String username) {
        return jdbc.sql("select id from app_user where username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }

    /** The form as the screen fills it with the defaults (shares in percent), with {@code typed} on top. */
    MockMvcRequestBuilder form(long version, Map<String, String> typed) {
        Map<String, String> values = new LinkedHashMap<>();
        AnalyticsParameters.DEFAULTS.asMap().forEach((name, value) -> {
            if (value instanceof BigDecimal number) {
                values.put(
                        name,
                        (PERCENT.contains(name) ? number.movePointRight(2) : number)
                                .stripTrailingZeros()
                                .toPlainString());
            } else if (!(value instanceof Map)) {
                values.put(name, String.valueOf(value));
            }
        });
        MockMvcRequestBuilder post = mvc.post().uri("/admin/analytics").param("version", String.valueOf(version));
        typed.forEach((name, value) -> {
            if (!name.startsWith("weights[") && !name.equals("reset")) {
                values.put(name, value);
            }
        });
        values.forEach((name, value) -> post.param("values[" + name + "]", value));
        typed.forEach((name, value) -> {
            if (name.startsWith("weights[")) {
                post.param(name, value);
            }
        });
        return post;
    }

    void awaitNoRefreshRunning() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("select count(*) from analytics_refresh where status in ('QUEUED', 'RUNNING')")
                                .query(Integer.class)
                                .single()
                        == 0);
    }

    @Test
    void adminsSeeEveryParameterWithItsValueDefaultAndExplanation() {
        assertThat(mvc.get().uri("/admin/analytics").with(user("admin")))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "parameters-form",
                        "name=\"values[vipShare]\"",
                        "name=\"values[clvTimeUnit]\"",
                        "name=\"values[lifecycleTrend]\"",
                        "name=\"weights[PRICE]\"",
                        "Value tiers and cost to serve",
                        "Customer lifetime value",
                        "Satisfaction index (CSI) weights",
                        "A higher share makes more customers VIP",
                        "Reset to default",
                        "analytics-refresh",
                        "nav-analytics-parameters");
        assertThat(mvc.get().uri("/admin/analytics?lang=zh-CN").with(user("admin")))
                .hasStatusOk()
                .bodyText()
                .contains("贵宾型比例", "重要型比例（含贵宾型）", "客户终身价值", "考察期", "忠诚者", "价格", "恢复默认值");
    }

    @Test
    void onlyAdminsReachTheScreen() {
        assertThat(mvc.get().uri("/admin/analytics").with(user("manager"))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/admin/analytics").with(user("rep1"))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(form(version(), Map.of("vipShare", "10"))
                        .with(user("manager"))
                        .with(csrf()))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/admin/analytics/refresh")
                        .with(user("manager"))
                        .with(csrf()))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/admin/analytics")).hasStatus(HttpStatus.FOUND);
        assertThat(overrides()).isEqualTo(overridesBefore);
    }

    @Test
    void aValidChangeIsStoredAuditedAndConfirmedAfterTheRedirect() {
        long version = version();
        MvcTestResult saved = form(
                        version,
                        Map.of(
                                "vipShare",
                                "10",
                                "clvHorizonMonths",
                                "24",
                                "clvTimeUnit",
                                "MONTH",
                                "weights[PRICE]",
                                "2"))
                .with(user("admin"))
                .with(csrf())
                .exchange();

        assertThat(saved).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/admin/analytics");
        assertThat(saved).flash().containsEntry("parametersSaved", true);
        AnalyticsParameters now = change.current().values();
        assertThat(now.vipShare()).isEqualByComparingTo("0.10");
        assertThat(now.clvHorizonMonths()).isEqualTo(24);
        assertThat(now.clvTimeUnit().name()).isEqualTo("MONTH");
        assertThat(now.csiWeights()).containsOnlyKeys("PRICE");
        assertThat(now.csiWeights().get("PRICE")).isEqualByComparingTo("2");
        assertThat(now.importantShare()).isEqualByComparingTo("0.50");
        assertThat(version()).isEqualTo(version + 1);
        // weights left at 1 and values left at their default are not stored as overrides
        assertThat(overrides()).doesNotContain("importantShare", "PRODUCT_QUALITY");
        assertThat(change.current().updatedBy()).isEqualTo(userId("admin"));

        Map<String, Object> audit = jdbc.sql("""
                        select actor_name, summary, details::text as details from audit_event
                        where kind = 'SETTINGS_CHANGE' order by id desc limit 1""").query().singleRow();
        assertThat(audit.get("actor_name")).isEqualTo("admin");
        assertThat((String) audit.get("summary")).contains("vipShare", "clvHorizonMonths", "csiWeights");
        assertThat((String) audit.get("details")).contains("\"version\"", "\"from\"", "\"to\"");

        assertThat(mvc.get()
                        .uri("/admin/analytics")
                        .cookie(saved.getResponse().getCookies())
                        .with(user("admin")))
                .hasStatusOk()
                .bodyText()
                .contains("Saved. The figures change at the next refresh.", "parameters-saved", "Refresh now")
                .contains("id=\"current-vipShare\">10<")
                .contains("Last changed");
    }

    @Test
    void invalidValuesComeBackWithFieldErrorsInTheUsersLanguageAndChangeNothing() {
        long version = version();
        Map<String, String> wrong = Map.of(
                "vipShare", "60",
                "importantShare", "50",
                "clvHorizonMonths", "0",
                "ticketCost", "abc",
                "loyaltyMinPurchaseDays", "2.5",
                "weights[PRICE]", "-1");

        MvcTestResult english = form(version, wrong)
                .with(user("admin"))
                .with(csrf())
                .header("Accept-Language", "en")
                .exchange();
        assertThat(english)
                .hasStatusOk()
                .bodyText()
                .contains("Please correct the marked fields.")
                .contains("The important share includes the VIP customers, so it must not be below the VIP share.")
                .contains("Must be between 1 and 120.", "Enter a number.", "Enter a whole number.")
                .contains("Must not be negative.")
                // what the admin typed is kept
                .contains("value=\"abc\"", "value=\"60\"", "value=\"2.5\"", "value=\"-1\"");

        assertThat(form(version, wrong).with(user("admin")).with(csrf()).header("Accept-Language", "zh-CN"))
                .hasStatusOk()
                .bodyText()
                .contains("重要型比例包含贵宾型客户，因此不得低于贵宾型比例。", "须在1到120之间。", "请输入数字。", "请输入整数。", "不得为负数。");
        assertThat(form(version, Map.of("vipShare", "120"))
                        .with(user("admin"))
                        .with(csrf())
                        .header("Accept-Language", "zh-CN"))
                .hasStatusOk()
                .bodyText()
                .contains("请输入0到100之间的百分比。");

        assertThat(version()).isEqualTo(version);
        assertThat(overrides()).isEqualTo(overridesBefore);
    }

    @Test
    void theApiStillAnswersBadValuesWithAReadableMessageAndTheFields() {
        MvcTestResult invalid = mvc.put()
                .uri("/api/v1/analytics/parameters?version=" + version())
                .with(httpBasic("admin", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"vipShare\": 0.6, \"importantShare\": 0.5, \"clvHorizonMonths\": \"x\"}")
                .exchange();
        assertThat(invalid).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(invalid)
                .bodyText()
                .contains("clvHorizonMonths must be a number", "\"field\":\"clvHorizonMonths\"")
                .contains("analytics.parameters.rule.number");
        MvcTestResult rules = mvc.put()
                .uri("/api/v1/analytics/parameters?version=" + version())
                .with(httpBasic("admin", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"vipShare\": 0.6, \"importantShare\": 0.5, \"clvHorizonMonths\": 0}")
                .exchange();
        assertThat(rules).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(rules)
                .bodyText()
                .contains("importantShare must not be below vipShare", "clvHorizonMonths must be between 1 and 120");
        assertThat(overrides()).isEqualTo(overridesBefore);
    }

    @Test
    void aStaleSaveKeepsTheInputAndShowsTheValuesStoredMeanwhile() {
        long seen = version();
        // another admin saves first
        change.change(
                Map.of("vipShare", "0.15"), seen, ((CrmUserDetails) users.loadUserByUsername("admin")).currentUser());

        MvcTestResult conflict = form(seen, Map.of("vipShare", "12", "stcShare", "7"))
                .with(user("admin"))
                .with(csrf())
                .exchange();

        assertThat(conflict)
                .hasStatusOk()
                .bodyText()
                .contains("parameters-conflict", "Someone else changed the parameters")
                .contains("value=\"12\"", "value=\"7\"")
                .contains("id=\"current-vipShare\">15<")
                .contains("Changed meanwhile")
                // saving again is a deliberate overwrite of what was stored meanwhile
                .contains("name=\"version\" value=\"" + (seen + 1) + "\"");
        assertThat(change.current().values().vipShare()).isEqualByComparingTo("0.15");
        assertThat(version()).isEqualTo(seen + 1);
    }

    @Test
    void resetPutsAFieldBackToItsDefault() {
        change.change(
                Map.of("vipShare", "0.1", "mvcShare", "0.05", "csiWeights", Map.of("PRICE", 3)),
                version(),
                ((CrmUserDetails) users.loadUserByUsername("admin")).currentUser());

        assertThat(form(version(), Map.of("vipShare", "10", "mvcShare", "5", "weights[PRICE]", "3"))
                        .param("reset", "vipShare", "csiWeights[PRICE]")
                        .with(user("admin"))
                        .with(csrf()))
                .hasStatus(HttpStatus.FOUND);

        AnalyticsParameters now = change.current().values();
        assertThat(now.vipShare()).isEqualByComparingTo("0.20");
        assertThat(now.mvcShare()).isEqualByComparingTo("0.05");
        assertThat(now.csiWeights()).isEmpty();

        // a reset field that came back with another field's error shows its default again
        assertThat(form(version(), Map.of("vipShare", "33", "clvHorizonMonths", "999"))
                        .param("reset", "vipShare")
                        .with(user("admin"))
                        .with(csrf()))
                .hasStatusOk()
                .bodyText()
                .contains("Must be between 1 and 120.")
                .containsPattern("id=\"p-vipShare\"[^>]*value=\"20\"")
                .doesNotContain("value=\"33\"");
    }

    @Test
    void refreshNowStartsTheRefreshAndThePagePollsItsProgress() {
        awaitNoRefreshRunning();
        long admin = userId("admin");

        MvcTestResult started = mvc.post()
                .uri("/admin/analytics/refresh")
                .with(user("admin"))
                .with(csrf())
                .exchange();

        assertThat(started).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/admin/analytics");
        assertThat(started).flash().containsEntry("refreshNotice", "analytics.parameters.refresh.started");
        long id = jdbc.sql("select id from analytics_refresh where requested_by = :u order by id desc limit 1")
                .param("u", admin)
                .query(Long.class)
                .single();
        assertThat(mvc.get().uri("/admin/analytics/refresh").with(user("admin")))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"analytics-refresh\"", "refresh-progress", "refresh-steps");
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("select status from analytics_refresh where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single()
                        .matches("DONE|FAILED"));

        // finished: the card stops polling and says what the last refresh did
        assertThat(mvc.get().uri("/admin/analytics/refresh").with(user("admin")))
                .hasStatusOk()
                .bodyText()
                .contains("data-status=\"DONE\"", "refresh-last-done", "Last completed refresh", "4 of 4 steps done")
                .doesNotContain("hx-get");
        assertThat(mvc.get()
                        .uri("/admin/analytics")
                        .with(user("admin"))
                        .cookie(started.getResponse().getCookies()))
                .hasStatusOk()
                .bodyText()
                .contains("The metrics refresh has started", "refresh-last-done");
    }

    @Test
    void aSecondClickWhileARefreshRunsStartsNoOtherAndShowsItsProgress() {
        awaitNoRefreshRunning();
        long running = jdbc.sql("select nextval('analytics_refresh_seq')")
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into analytics_refresh (id, status, phase, steps_done, steps_total, requested_at, started_at)
                        values (:id, 'RUNNING', 'LIFETIME_VALUE', 1, 4, now(), now())""").param("id", running).update();
        try {
            MvcTestResult again = mvc.post()
                    .uri("/admin/analytics/refresh")
                    .with(user("admin"))
                    .with(csrf())
                    .exchange();

            assertThat(again).hasStatus(HttpStatus.FOUND);
            assertThat(again).flash().containsEntry("refreshNotice", "analytics.parameters.refresh.alreadyRunning");
            assertThat(jdbc.sql("select count(*) from analytics_refresh where status in ('QUEUED', 'RUNNING')")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
            assertThat(jdbc.sql("select max(id) from analytics_refresh")
                            .query(Long.class)
                            .single())
                    .isEqualTo(running);
            assertThat(mvc.get()
                            .uri("/admin/analytics")
                            .with(user("admin"))
                            .cookie(again.getResponse().getCookies()))
                    .hasStatusOk()
                    .bodyText()
                    .contains("A metrics refresh is already running", "data-status=\"RUNNING\"")
                    .contains("hx-get=\"/admin/analytics/refresh\"", "hx-trigger=\"every 1s\"")
                    .contains("Computing lifetime values", "1 of 4 steps done", "data-percent=\"25\"");
            assertThat(mvc.get().uri("/admin/analytics/refresh?lang=zh-CN").with(user("admin")))
                    .hasStatusOk()
                    .bodyText()
                    .contains("运行中", "计算终身价值", "已完成1/4步");
        } finally {
            jdbc.sql("delete from analytics_refresh where id = :id")
                    .param("id", running)
                    .update();
        }
    }

    @Test
    void aSaveWithoutTheCsrfTokenIsRefused() {
        long version = version();
        assertThat(form(version, Map.of("vipShare", "10")).with(user("admin"))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/admin/analytics/refresh").with(user("admin")))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(version()).isEqualTo(version);
        assertThat(overrides()).isEqualTo(overridesBefore);
    }
}
