package com.kehu.crm.support.web;

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

import com.kehu.crm.contact.ContactQueries;
import com.kehu.crm.customer.CustomerPhoneMatch;
import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.Role;
import com.kehu.crm.identity.WebSecurityTestConfiguration;
import com.kehu.crm.shared.time.BusinessCalendar;
import com.kehu.crm.shared.web.Formats;
import com.kehu.crm.shared.web.PageView;
import com.kehu.crm.support.CallData;
import com.kehu.crm.support.CallDirection;
import com.kehu.crm.support.CallOutcome;
import com.kehu.crm.support.CallQueries;
import com.kehu.crm.support.CallRow;
import com.kehu.crm.support.CallService;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebMvcTest(CallController.class)
@Import({WebSecurityTestConfiguration.class, Formats.class})
class CallControllerTests {

    static final CrmUserDetails REP = principal(11, "rep1", Role.SALES_REP, 1L);
    static final CrmUserDetails AGENT = principal(12, "agent1", Role.SUPPORT_AGENT, null);
    static final CrmUserDetails MARKETER = principal(13, "marketer1", Role.MARKETER, null);

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    CallQueries queries;

    @MockitoBean
    CallService service;

    @MockitoBean
    CustomerQueries customers;

    @MockitoBean
    ContactQueries contacts;

    @MockitoBean
    BusinessCalendar calendar;

    @BeforeEach
    void setUp() {
        given(calendar.zone()).willReturn(ZoneId.of("Asia/Shanghai"));
        given(customers.matchByPhone(eq("13800138000"), any()))
                .willReturn(List.of(new CustomerPhoneMatch(5, "C0000005", "上海华光机械有限公司", "138 0013 8000", true)));
        given(queries.list(any(), anyInt(), anyInt(), any()))
                .willReturn(new PageView<>(List.of(row()), 25, 0, 1, true));
    }

    @Test
    void keepsMarketersOutAndChecksCsrf() {
        assertThat(mvc.get().uri("/calls").with(user(MARKETER))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/calls").with(user(AGENT)).param("phone", "13800138000"))
                .hasStatus(HttpStatus.FORBIDDEN);
        verify(service, never()).log(any(), any());
    }

    @Test
    void showsARepOnlyTheirOwnCalls() {
        assertThat(mvc.get().uri("/calls").with(user(REP)))
                .hasStatusOk()
                .hasViewName("calls/list")
                .bodyText()
                .contains("上海华光机械有限公司", "3:05");
        verify(queries).list(eq(new CallQueries.Filter(null, null, 11L)), eq(0), eq(25), any());
    }

    @Test
    void logsACallWithDefaultsAndRedirects() {
        assertThat(mvc.post()
                        .uri("/calls")
                        .with(user(AGENT))
                        .with(csrf())
                        .param("phone", "+86 138-0013-8000")
                        .param("direction", "INBOUND")
                        .param("outcome", "ANSWERED")
                        .param("customerId", "5")
                        .param("duration", "3:05"))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/calls");
        ArgumentCaptor<CallData> data = ArgumentCaptor.forClass(CallData.class);
        verify(service).log(data.capture(), any());
        assertThat(data.getValue().durationSeconds()).isEqualTo(185);
        assertThat(data.getValue().customerId()).isEqualTo(5L);
        assertThat(data.getValue().startedAt()).isNull();
    }

    @Test
    void showsFieldErrorsInChinese() {
        assertThat(mvc.post()
                        .uri("/calls?lang=zh-CN")
                        .with(user(AGENT))
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("phone", "")
                        .param("duration", "abc"))
                .hasStatusOk()
                .hasViewName("calls/form")
                .bodyText()
                .contains("请填写此字段", "请按“分:秒”格式填写");
        verify(service, never()).log(any(), any());
    }

    @Test
    void matchesTheNumberAsTheAgentTypesWithoutTheLayout() {
        assertThat(mvc.get()
                        .uri("/calls/match?phone={p}", "+86 138 0013 8000")
                        .with(user(AGENT))
                        .header("HX-Request", "true"))
                .hasStatusOk()
                .bodyText()
                .contains("call-match", "上海华光机械有限公司", "checked")
                .doesNotContain("<html", "navbar");
    }

    @Test
    void servesTheCustomerPanelAsAFragment() {
        given(queries.forCustomer(eq(5L), any())).willReturn(List.of(row()));

        assertThat(mvc.get().uri("/calls/for-customer/5").with(user(REP)).header("HX-Request", "true"))
                .hasStatusOk()
                .bodyText()
                .contains("calls-panel", "3:05", "/calls/new?customerId=5")
                .doesNotContain("<html");
    }

    private static CallRow row() {
        return new CallRow(
                9,
                CallDirection.INBOUND,
                "138 0013 8000",
                5L,
                "上海华光机械有限公司",
                null,
                null,
                11,
                "张伟",
                Instant.now(),
                185,
                CallOutcome.ANSWERED,
                null,
                null,
                0,
                Instant.now(),
                Instant.now());
    }
}
