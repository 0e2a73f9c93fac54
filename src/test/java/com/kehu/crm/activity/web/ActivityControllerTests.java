package com.kehu.crm.activity.web;

import static com.kehu.crm.identity.WebSecurityTestConfiguration.principal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.kehu.crm.activity.ActivityQueries;
import com.kehu.crm.activity.ActivityRow;
import com.kehu.crm.activity.ActivityService;
import com.kehu.crm.activity.ActivityType;
import com.kehu.crm.activity.MyDay;
import com.kehu.crm.contact.ContactQueries;
import com.kehu.crm.customer.CustomerKind;
import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.customer.CustomerRow;
import com.kehu.crm.customer.CustomerStatus;
import com.kehu.crm.customer.Importance;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.Role;
import com.kehu.crm.identity.UserQueries;
import com.kehu.crm.identity.WebSecurityTestConfiguration;
import com.kehu.crm.sales.LeadVisibility;
import com.kehu.crm.sales.OpportunityQueries;
import com.kehu.crm.shared.time.BusinessCalendar;
import com.kehu.crm.shared.web.Formats;
import com.kehu.crm.shared.web.PageView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebMvcTest({ActivityController.class, TaskController.class, MyDayController.class})
@Import({WebSecurityTestConfiguration.class, Formats.class})
class ActivityControllerTests {

    static final CrmUserDetails REP = principal(11, "rep1", Role.SALES_REP, 1L);
    static final CrmUserDetails AGENT = principal(12, "agent1", Role.SUPPORT_AGENT, null);
    static final CrmUserDetails MARKETER = principal(13, "marketer1", Role.MARKETER, null);

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    ActivityQueries queries;

    @MockitoBean
    ActivityService service;

    @MockitoBean
    CustomerQueries customers;

    @MockitoBean
    ContactQueries contacts;

    @MockitoBean
    OpportunityQueries opportunities;

    @MockitoBean
    LeadVisibility leads;

    @MockitoBean
    BusinessCalendar day;

    @MockitoBean
    UserQueries users;

    @MockitoBean
    MyDay myDay;

    @BeforeEach
    void setUp() {
        given(day.zone()).willReturn(ZoneId.of("Asia/Shanghai"));
        given(day.now()).willReturn(Instant.parse("2026-04-01T02:00:00Z"));
        given(day.endOfToday()).willReturn(Instant.parse("2026-04-01T16:00:00Z"));
        given(customers.row(eq(5L), any()))
                .willReturn(new CustomerRow(
                        5,
                        "C0000005",
                        "上海华光机械有限公司",
                        CustomerKind.ENTERPRISE,
                        CustomerStatus.TARGET,
                        Importance.ORDINARY,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "rep1",
                        "张伟",
                        List.of(),
                        false,
                        0,
                        Instant.now(),
                        Instant.now()));
        given(queries.canLog(eq(5L), isNull(), any())).willReturn(true);
        given(contacts.forCustomer(eq(5L), any())).willReturn(List.of());
        given(service.create(any(), any(), any(), any())).willReturn(77L);
    }

    @Test
    void keepsSupportAndMarketingOutAndChecksCsrf() {
        assertThat(mvc.get().uri("/activities/new?customerId=5").with(user(AGENT)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/my-day").with(user(MARKETER))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/tasks").with(user(AGENT))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/tasks")).hasStatus(HttpStatus.FOUND);
        assertThat(mvc.post()
                        .uri("/activities")
                        .with(user(REP))
                        .param("customerId", "5")
                        .param("type", "CALL")
                        .param("subject", "电话")
                        .param("occurredAt", "2026-04-01T10:00"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/tasks/3/done").with(user(REP))).hasStatus(HttpStatus.FORBIDDEN);
        verify(service, never()).create(any(), any(), any(), any());
        verify(service, never()).markDone(anyLong(), any());
    }

    @Test
    void logsAnActivityAndReturnsToTheCustomersTimeline() {
        assertThat(mvc.post()
                        .uri("/activities")
                        .with(user(REP))
                        .with(csrf())
                        .param("customerId", "5")
                        .param("type", "VISIT")
                        .param("subject", "上门拜访")
                        .param("occurredAt", "2026-04-01T10:00")
                        .param("nextFollowUpOn", "2026-04-08"))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/customers/5#tab-timeline");
        verify(service)
                .create(
                        eq(5L),
                        isNull(),
                        eq(new com.kehu.crm.activity.ActivityData(
                                ActivityType.VISIT,
                                "上门拜访",
                                null,
                                Instant.parse("2026-04-01T02:00:00Z"),
                                null,
                                null,
                                LocalDate.parse("2026-04-08"),
                                null)),
                        any());
    }

    @Test
    void showsFieldErrorsInChineseAndSavesNothing() {
        assertThat(mvc.post()
                        .uri("/activities")
                        .with(user(REP))
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("customerId", "5")
                        .param("type", "CALL")
                        .param("subject", "")
                        .param("occurredAt", "昨天"))
                .hasStatusOk()
                .hasViewName("activities/form")
                .bodyText()
                .contains("请填写此字段", "格式不正确", "预计跟进日期");
        verify(service, never()).create(any(), any(), any(), any());
    }

    @Test
    void servesTheCustomerListAsAFragmentWithoutTheLayout() {
        given(queries.forCustomer(eq(5L), anyInt(), anyInt(), any()))
                .willReturn(new PageView<>(List.of(row()), 20, 0, 1, true));

        assertThat(mvc.get().uri("/activities/for-customer/5").with(user(REP)).header("HX-Request", "true"))
                .hasStatusOk()
                .bodyText()
                .contains("报价电话", "/activities/new?customerId=5")
                .doesNotContain("<html", "navbar");
    }

    @Test
    void marksATaskDoneAndRedirects() {
        assertThat(mvc.post().uri("/tasks/3/done?from=my-day").with(user(REP)).with(csrf()))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/my-day");
        assertThat(mvc.post()
                        .uri("/tasks/3/done?from=https://evil.example")
                        .with(user(REP))
                        .with(csrf()))
                .hasRedirectedUrl("/tasks");
        verify(service, org.mockito.Mockito.times(2)).markDone(eq(3L), any());
    }

    @Test
    void showsMyDay() {
        given(myDay.of(any()))
                .willReturn(new MyDay.Agenda(
                        LocalDate.parse("2026-04-01"),
                        List.of(row()),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of()));

        assertThat(mvc.get().uri("/my-day").with(user(REP)).header("Accept-Language", "zh-CN"))
                .hasStatusOk()
                .bodyText()
                .contains("我的一天", "逾期", "报价电话");
    }

    private static ActivityRow row() {
        return new ActivityRow(
                9,
                ActivityType.TASK,
                "报价电话",
                "带上新价目表",
                Instant.parse("2026-03-30T02:00:00Z"),
                5L,
                "上海华光机械有限公司",
                null,
                null,
                null,
                null,
                null,
                null,
                11,
                "张伟",
                null,
                false,
                null,
                null,
                0,
                Instant.now(),
                Instant.now());
    }
}
