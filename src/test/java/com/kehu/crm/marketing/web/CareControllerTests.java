package com.kehu.crm.marketing.web;

import static com.kehu.crm.identity.WebSecurityTestConfiguration.principal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.kehu.crm.customer.Importance;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.Role;
import com.kehu.crm.identity.UserQueries;
import com.kehu.crm.identity.WebSecurityTestConfiguration;
import com.kehu.crm.marketing.CareItemView;
import com.kehu.crm.marketing.CareKind;
import com.kehu.crm.marketing.CareProperties;
import com.kehu.crm.marketing.CareQueries;
import com.kehu.crm.marketing.CareRuns;
import com.kehu.crm.marketing.CareService;
import com.kehu.crm.marketing.CareTaskRow;
import com.kehu.crm.marketing.CareTaskState;
import com.kehu.crm.order.ReorderProperties;
import com.kehu.crm.order.ReorderQueries;
import com.kehu.crm.order.ReorderRow;
import com.kehu.crm.sales.SalesProperties;
import com.kehu.crm.shared.web.Formats;
import com.kehu.crm.shared.web.PageView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The care and reorder screens over mocked queries: rendering in Chinese, role rules, CSRF, validation. */
@WebMvcTest({CareController.class, CareReorderController.class})
@Import({WebSecurityTestConfiguration.class, Formats.class, CareControllerTests.Config.class})
class CareControllerTests {

    static final CrmUserDetails REP = principal(11, "rep1", Role.SALES_REP, 1L);
    static final CrmUserDetails MANAGER = principal(2, "manager", Role.MANAGER, 1L);
    static final CrmUserDetails MARKETER = principal(13, "marketer1", Role.MARKETER, null);
    static final CrmUserDetails AGENT = principal(14, "agent1", Role.SUPPORT_AGENT, null);

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        CareProperties careProperties() {
            return new CareProperties("-", 2000, 9, 90, Locale.SIMPLIFIED_CHINESE, false);
        }

        @Bean
        ReorderProperties reorderProperties() {
            return new ReorderProperties(7, 2, 90);
        }

        @Bean
        SalesProperties salesProperties() {
            return new SalesProperties(50, null, null, false, BigDecimal.ONE, "CNY", null);
        }
    }

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    CareQueries queries;

    @MockitoBean
    CareService service;

    @MockitoBean
    CareRuns runs;

    @MockitoBean
    ReorderQueries reorders;

    @MockitoBean
    UserQueries users;

    static CareItemView item() {
        return new CareItemView(
                7,
                Importance.VIP,
                CareKind.HOLIDAY_GREETING,
                "春节问候",
                "春节",
                MonthDay.of(2, 17),
                null,
                7,
                true,
                3,
                10,
                6,
                4,
                1);
    }

    @Test
    void showsTheProgrammeWithItsCountsAndTheTasksInChinese() {
        given(queries.programme(any())).willReturn(List.of(item()));
        given(queries.tasks(any(), eq(0), eq(25), any()))
                .willReturn(new PageView<>(
                        List.of(new CareTaskRow(
                                1,
                                7,
                                "春节问候",
                                CareKind.HOLIDAY_GREETING,
                                5,
                                "上海华光机械有限公司",
                                null,
                                "张伟",
                                LocalDate.of(2027, 2, 6),
                                99L,
                                CareTaskState.OVERDUE)),
                        25,
                        0,
                        1,
                        true));

        assertThat(mvc.get().uri("/care").with(user(REP)).header("Accept-Language", "zh-CN"))
                .hasStatusOk()
                .bodyText()
                .contains("客户分级关怀", "春节问候", "春节，2月17日", "提前 7 天", "上海华光机械有限公司", "已逾期")
                .doesNotContain("care-run-now");
        assertThat(mvc.get().uri("/care").with(user(AGENT))).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void onlyManagersChangeItemsAndEveryFormNeedsCsrf() {
        assertThat(mvc.get().uri("/care/items/new").with(user(MARKETER))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/care/run").with(user(MANAGER))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/care/items")
                        .with(user(MANAGER))
                        .param("tier", "VIP")
                        .param("kind", "GIFT")
                        .param("title", "礼品")
                        .param("leadDays", "1"))
                .hasStatus(HttpStatus.FORBIDDEN);
        verify(runs, never()).start();

        assertThat(mvc.post()
                        .uri("/care/items")
                        .with(user(MANAGER))
                        .with(csrf())
                        .param("tier", "VIP")
                        .param("kind", "PERIODIC_VISIT")
                        .param("title", "")
                        .param("leadDays", "1")
                        .header("Accept-Language", "zh-CN"))
                .hasStatusOk()
                .bodyText()
                .contains("请输入 7 到 730 天之间的间隔。");
        verify(service, never()).add(any(), any());
        verify(service, never()).update(anyLong(), anyLong(), any(), any());
    }

    @Test
    void listsTheCustomersDueToReorderWithALinkToLogTheCall() {
        given(reorders.due(any(), eq(0), eq(25), any()))
                .willReturn(new PageView<>(
                        List.of(new ReorderRow(
                                5,
                                "王记米店",
                                11,
                                "张伟",
                                LocalDate.of(2026, 10, 1),
                                new BigDecimal("30.0"),
                                LocalDate.of(2026, 10, 31),
                                3,
                                4,
                                new BigDecimal("1200.00"))),
                        25,
                        0,
                        1,
                        true));

        assertThat(mvc.get().uri("/care/reorder").with(user(REP)).header("Accept-Language", "zh-CN"))
                .hasStatusOk()
                .bodyText()
                .contains("待复购客户", "王记米店", "逾期 3 天", "记录电话", "/activities/new?customerId=5&amp;type=CALL");
        assertThat(mvc.get().uri("/care/reorder").with(user(MARKETER))).hasStatus(HttpStatus.FORBIDDEN);
    }
}
