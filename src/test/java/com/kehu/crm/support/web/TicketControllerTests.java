package com.kehu.crm.support.web;

import static com.kehu.crm.identity.WebSecurityTestConfiguration.principal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.kehu.crm.contact.ContactQueries;
import com.kehu.crm.customer.CustomerKind;
import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.customer.CustomerRow;
import com.kehu.crm.customer.CustomerStatus;
import com.kehu.crm.customer.Importance;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.Role;
import com.kehu.crm.identity.WebSecurityTestConfiguration;
import com.kehu.crm.order.OrderQueries;
import com.kehu.crm.shared.domain.EditConflictException;
import com.kehu.crm.shared.time.BusinessCalendar;
import com.kehu.crm.shared.web.Formats;
import com.kehu.crm.shared.web.PageView;
import com.kehu.crm.support.TicketCategory;
import com.kehu.crm.support.TicketChannel;
import com.kehu.crm.support.TicketDetails;
import com.kehu.crm.support.TicketPriority;
import com.kehu.crm.support.TicketQueries;
import com.kehu.crm.support.TicketRow;
import com.kehu.crm.support.TicketRuleException;
import com.kehu.crm.support.TicketService;
import com.kehu.crm.support.TicketStatus;
import com.kehu.crm.support.TicketType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
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

@WebMvcTest(TicketController.class)
@Import({WebSecurityTestConfiguration.class, Formats.class, SlaCountdown.class, TicketControllerTests.Config.class})
class TicketControllerTests {

    static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    static final CrmUserDetails REP = principal(11, "rep1", Role.SALES_REP, 1L);
    static final CrmUserDetails AGENT = principal(12, "agent1", Role.SUPPORT_AGENT, null);
    static final CrmUserDetails MARKETER = principal(13, "marketer1", Role.MARKETER, null);

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        BusinessCalendar businessCalendar() {
            return new BusinessCalendar(Clock.fixed(NOW, ZoneOffset.UTC), "Asia/Shanghai");
        }
    }

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    TicketQueries queries;

    @MockitoBean
    TicketService service;

    @MockitoBean
    CustomerQueries customers;

    @MockitoBean
    OrderQueries orders;

    @MockitoBean
    ContactQueries contacts;

    static TicketRow row(TicketStatus status) {
        return new TicketRow(
                8,
                "T2026000008",
                5,
                "上海华光机械有限公司",
                "原来的主题",
                TicketType.COMPLAINT,
                TicketChannel.PHONE,
                "Product quality",
                "产品质量",
                TicketPriority.NORMAL,
                status,
                null,
                null,
                NOW.plus(Duration.ofHours(3)),
                NOW.minus(Duration.ofMinutes(20)),
                null,
                null,
                0,
                false,
                true,
                NOW.minus(Duration.ofDays(1)),
                3);
    }

    static TicketDetails details(TicketStatus status) {
        return new TicketDetails(
                row(status),
                null,
                null,
                null,
                null,
                1,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "张伟",
                true,
                true,
                false,
                EnumSet.of(TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.RESOLVED),
                List.of());
    }

    @BeforeEach
    void setUp() {
        given(customers.row(eq(5L), any()))
                .willReturn(new CustomerRow(
                        5,
                        "C0000005",
                        "上海华光机械有限公司",
                        CustomerKind.ENTERPRISE,
                        CustomerStatus.TARGET,
                        Importance.VIP,
                        "021 5555 0101",
                        null,
                        null,
                        null,
                        null,
                        "rep1",
                        "张伟",
                        List.of(),
                        false,
                        0,
                        NOW,
                        NOW));
        given(queries.canSeeCustomerTickets(eq(5L), any())).willReturn(true);
        given(queries.categories(true))
                .willReturn(List.of(new TicketCategory(1, "PRODUCT_QUALITY", "Product quality", "产品质量", true, 10)));
        given(queries.details(eq(8L), any())).willReturn(details(TicketStatus.IN_PROGRESS));
        given(queries.list(any(), any(), anyBoolean(), anyInt(), anyInt(), any()))
                .willReturn(new PageView<>(List.of(row(TicketStatus.NEW)), 25, 0, 1, true));
    }

    @Test
    void keepsMarketersOutAndChecksCsrf() {
        assertThat(mvc.get().uri("/tickets").with(user(MARKETER))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/tickets")).hasStatus(HttpStatus.FOUND);
        assertThat(mvc.post().uri("/tickets/8/claim").with(user(AGENT)))
                .as("no CSRF token")
                .hasStatus(HttpStatus.FORBIDDEN);
        verify(service, never()).claim(anyLong(), any());
        assertThat(mvc.post().uri("/tickets/8/claim").with(user(AGENT)).with(csrf()))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/tickets/8");
        verify(service).claim(eq(8L), any());
    }

    @Test
    void showsTheQueueWithACountdownAndItsHtmxFragment() {
        assertThat(mvc.get().uri("/tickets?view=UNASSIGNED").with(user(AGENT)).header("Accept-Language", "zh-CN"))
                .hasStatusOk()
                .hasViewName("tickets/list")
                .bodyText()
                .contains("T2026000008", "3 小时后到期", "认领");
        assertThat(mvc.get().uri("/tickets").with(user(AGENT)).header("HX-Request", "true"))
                .hasStatusOk()
                .bodyText()
                .contains("ticket-table")
                .doesNotContain("<html", "navbar");
    }

    @Test
    void logsATicketAndRedirectsToIt() {
        given(service.open(any(), any())).willReturn(42L);
        assertThat(mvc.post()
                        .uri("/tickets")
                        .with(user(REP))
                        .with(csrf())
                        .param("customerId", "5")
                        .param("subject", "设备异响")
                        .param("type", "REPAIR")
                        .param("channel", "PHONE")
                        .param("priority", "HIGH")
                        .param("categoryId", "1"))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/tickets/42");
    }

    @Test
    void showsFieldErrorsInChineseAndSavesNothing() {
        assertThat(mvc.post()
                        .uri("/tickets")
                        .with(user(REP))
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("customerId", "5")
                        .param("subject", "")
                        .param("type", "REPAIR")
                        .param("channel", "PHONE")
                        .param("priority", "HIGH"))
                .hasStatusOk()
                .hasViewName("tickets/new")
                .bodyText()
                .contains("请填写此字段", "客户历史问题记录", "贵宾型");
        verify(service, never()).open(any(), any());
    }

    @Test
    void keepsTheInputWhenSomeoneElseSavedFirst() {
        willThrow(new EditConflictException("Ticket 8", 2, 3)).given(service).update(eq(8L), anyLong(), any(), any());
        assertThat(mvc.post()
                        .uri("/tickets/8")
                        .with(user(AGENT))
                        .with(csrf())
                        .param("version", "2")
                        .param("subject", "我改的主题")
                        .param("type", "COMPLAINT")
                        .param("channel", "EMAIL")
                        .param("priority", "HIGH")
                        .param("categoryId", "1"))
                .hasStatusOk()
                .hasViewName("tickets/form")
                .bodyText()
                .contains("我改的主题", "ticket-conflict", "原来的主题");
    }

    @Test
    void explainsARefusedMoveOnTheTicket() {
        willThrow(new TicketRuleException("ticket.resolution.required", "no summary"))
                .given(service)
                .changeStatus(eq(8L), eq(TicketStatus.RESOLVED), any(), any());
        assertThat(mvc.post()
                        .uri("/tickets/8/status")
                        .with(user(AGENT))
                        .with(csrf())
                        .param("status", "RESOLVED"))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/tickets/8")
                .flash()
                .containsEntry("flashError", "ticket.resolution.required");
        assertThat(mvc.get().uri("/tickets/8").with(user(AGENT)))
                .hasStatusOk()
                .bodyText()
                .contains("resolve-form", "compensationAmount", "ticket-extras");
    }
}
