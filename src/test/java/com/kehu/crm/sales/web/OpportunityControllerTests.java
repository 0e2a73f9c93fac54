package com.kehu.crm.sales.web;

import static com.kehu.crm.identity.WebSecurityTestConfiguration.principal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.kehu.crm.customer.CustomerKind;
import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.customer.CustomerRow;
import com.kehu.crm.customer.CustomerStatus;
import com.kehu.crm.customer.Importance;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.Role;
import com.kehu.crm.identity.UserQueries;
import com.kehu.crm.identity.WebSecurityTestConfiguration;
import com.kehu.crm.sales.IllegalStageTransitionException;
import com.kehu.crm.sales.OpportunityDetails;
import com.kehu.crm.sales.OpportunityQueries;
import com.kehu.crm.sales.OpportunityService;
import com.kehu.crm.sales.OpportunityType;
import com.kehu.crm.sales.PipelineStage;
import com.kehu.crm.sales.SalesProperties;
import com.kehu.crm.shared.domain.EditConflictException;
import com.kehu.crm.shared.time.BusinessCalendar;
import com.kehu.crm.shared.web.Formats;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebMvcTest({OpportunityController.class, ForecastController.class})
@Import({WebSecurityTestConfiguration.class, Formats.class, OpportunityControllerTests.Config.class})
class OpportunityControllerTests {

    static final CrmUserDetails REP = principal(11, "rep1", Role.SALES_REP, 1L);
    static final CrmUserDetails AGENT = principal(12, "agent1", Role.SUPPORT_AGENT, null);
    static final CrmUserDetails MARKETER = principal(13, "marketer1", Role.MARKETER, null);

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        SalesProperties salesProperties() {
            return new SalesProperties(
                    50, Duration.ofDays(30), Duration.ofDays(3), false, new BigDecimal("1000000"), "CNY", null);
        }

        @Bean
        BusinessCalendar businessCalendar() {
            return new BusinessCalendar(
                    Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC), "Asia/Shanghai");
        }
    }

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    OpportunityQueries queries;

    @MockitoBean
    OpportunityService service;

    @MockitoBean
    CustomerQueries customers;

    @MockitoBean
    UserQueries users;

    @BeforeEach
    void setUp() {
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
        given(queries.details(eq(8L), any())).willReturn(deal(3));
    }

    @Test
    void keepsMarketersOutSupportReadOnlyAndChecksCsrf() {
        assertThat(mvc.get().uri("/opportunities").with(user(MARKETER))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/opportunities/board").with(user(AGENT))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/opportunities/forecast").with(user(AGENT))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/opportunities/8/stage")
                        .with(user(AGENT))
                        .with(csrf())
                        .param("stage", "WON"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/opportunities/8/stage").with(user(REP)).param("stage", "PROPOSAL"))
                .as("no CSRF token")
                .hasStatus(HttpStatus.FORBIDDEN);
        verify(service, never()).moveTo(anyLong(), any(), any(), any());
        assertThat(mvc.get()
                        .uri("/opportunities")
                        .with(user(org.springframework.security.core.userdetails.User.withUsername("x")
                                .password("x")
                                .roles()
                                .build())))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void createsADealAndRedirectsToIt() {
        given(service.open(any(), any())).willReturn(42L);
        assertThat(mvc.post()
                        .uri("/opportunities")
                        .with(user(REP))
                        .with(csrf())
                        .param("customerId", "5")
                        .param("name", "年度框架协议")
                        .param("amount", "120000.50")
                        .param("currency", "CNY")
                        .param("expectedCloseDate", "2027-01-31")
                        .param("type", "UP_SELL"))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/opportunities/42");
    }

    @Test
    void showsFieldErrorsInChineseAndSavesNothing() {
        assertThat(mvc.post()
                        .uri("/opportunities")
                        .with(user(REP))
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("customerId", "5")
                        .param("name", "")
                        .param("amount", "-5")
                        .param("currency", "人民币")
                        .param("probability", "150")
                        .param("expectedCloseDate", "2027-01-31"))
                .hasStatusOk()
                .hasViewName("opportunities/form")
                .bodyText()
                .contains("请填写此字段", "请输入零或正数", "三个字母的币种代码", "数值过大");
        verify(service, never()).open(any(), any());
    }

    @Test
    void keepsTheInputWhenSomeoneElseSavedFirst() {
        willThrow(new EditConflictException("Opportunity 8", 2, 3))
                .given(service)
                .update(eq(8L), anyLong(), any(), any());
        assertThat(mvc.post()
                        .uri("/opportunities/8")
                        .with(user(REP))
                        .with(csrf())
                        .param("version", "2")
                        .param("name", "我改的名字")
                        .param("amount", "99")
                        .param("currency", "CNY")
                        .param("expectedCloseDate", "2027-01-31")
                        .param("type", "NEW_BUSINESS"))
                .hasStatusOk()
                .hasViewName("opportunities/form")
                .bodyText()
                .contains("我改的名字", "opportunity-conflict", "原来的名字");
    }

    @Test
    void explainsARefusedStageMoveOnTheDeal() {
        willThrow(new IllegalStageTransitionException("opportunity.lossReason.required", "no reason"))
                .given(service)
                .moveTo(eq(8L), eq(PipelineStage.LOST), any(), any());
        assertThat(mvc.post()
                        .uri("/opportunities/8/stage")
                        .with(user(REP))
                        .with(csrf())
                        .param("stage", "LOST"))
                .hasRedirectedUrl("/opportunities/8")
                .flash()
                .containsEntry("flashError", "opportunity.lossReason.required");
    }

    private static OpportunityDetails deal(long version) {
        return new OpportunityDetails(
                8,
                5,
                "上海华光机械有限公司",
                "原来的名字",
                new BigDecimal("5000.00"),
                "CNY",
                LocalDate.parse("2027-01-31"),
                OpportunityType.NEW_BUSINESS,
                PipelineStage.PROPOSAL,
                50,
                true,
                11,
                "张伟",
                null,
                null,
                null,
                null,
                null,
                version,
                Instant.now(),
                Instant.now(),
                true,
                List.of());
    }
}
