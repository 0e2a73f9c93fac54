package com.kehu.crm.order.web;

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
import com.kehu.crm.identity.WebSecurityTestConfiguration;
import com.kehu.crm.order.OrderDetails;
import com.kehu.crm.order.OrderQueries;
import com.kehu.crm.order.OrderRow;
import com.kehu.crm.order.OrderRuleException;
import com.kehu.crm.order.OrderService;
import com.kehu.crm.order.OrderStatus;
import com.kehu.crm.order.ProductQueries;
import com.kehu.crm.sales.OpportunityQueries;
import com.kehu.crm.sales.OpportunityRef;
import com.kehu.crm.sales.PipelineStage;
import com.kehu.crm.sales.SalesProperties;
import com.kehu.crm.shared.time.BusinessCalendar;
import com.kehu.crm.shared.web.Formats;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

@WebMvcTest(OrderController.class)
@Import({WebSecurityTestConfiguration.class, Formats.class, OrderControllerTests.Config.class})
class OrderControllerTests {

    static final CrmUserDetails REP = principal(11, "rep1", Role.SALES_REP, 1L);
    static final CrmUserDetails MANAGER = principal(2, "manager", Role.MANAGER, 1L);
    static final CrmUserDetails MARKETER = principal(13, "marketer1", Role.MARKETER, null);

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        BusinessCalendar businessCalendar() {
            return new BusinessCalendar(Clock.systemUTC(), "Asia/Shanghai");
        }

        @Bean
        SalesProperties salesProperties() {
            return new SalesProperties(50, null, null, false, BigDecimal.ONE, "CNY", null);
        }
    }

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    OrderQueries queries;

    @MockitoBean
    OrderService service;

    @MockitoBean
    ProductQueries products;

    @MockitoBean
    CustomerQueries customers;

    @MockitoBean
    OpportunityQueries opportunities;

    @MockitoBean
    com.kehu.crm.order.PurchaseHistory purchases;

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
        given(queries.canEdit(eq(5L), any())).willReturn(true);
        given(queries.details(eq(8L), any())).willReturn(order(true, null));
        given(products.options()).willReturn(List.of());
    }

    @Test
    void keepsMarketersOutAndChecksCsrf() {
        assertThat(mvc.get().uri("/orders").with(user(MARKETER))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/orders/8/status").with(user(REP)).param("status", "CONFIRMED"))
                .hasStatus(HttpStatus.FORBIDDEN);
        verify(service, never()).changeStatus(anyLong(), any(), any());
    }

    @Test
    void offersBlankLineRowsAndMoreOnRequest() {
        assertThat(mvc.get().uri("/orders/new?customerId=5").with(user(REP)))
                .hasStatusOk()
                .hasViewName("orders/form")
                .bodyText()
                .contains("lines[4].productId")
                .doesNotContain("lines[5].productId");
        assertThat(mvc.post()
                        .uri("/orders")
                        .with(user(REP))
                        .with(csrf())
                        .param("customerId", "5")
                        .param("orderDate", "2026-11-23")
                        .param("currency", "CNY")
                        .param("addLines", "true")
                        .param("lines[0].productId", "")
                        .param("lines[1].productId", ""))
                .hasStatusOk()
                .bodyText()
                .contains("lines[6].productId");
        verify(service, never()).create(any(), any());
    }

    @Test
    void createsAnOrderAndRedirectsToIt() {
        given(service.create(any(), any())).willReturn(8L);

        assertThat(mvc.post()
                        .uri("/orders")
                        .with(user(REP))
                        .with(csrf())
                        .param("customerId", "5")
                        .param("orderDate", "2026-11-23")
                        .param("currency", "CNY")
                        .param("lines[0].productId", "3")
                        .param("lines[0].quantity", "2"))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/orders/8");
    }

    @Test
    void showsLineErrorsInChineseNextToTheRow() {
        assertThat(mvc.post()
                        .uri("/orders?lang=zh-CN")
                        .with(user(REP))
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("customerId", "5")
                        .param("orderDate", "")
                        .param("currency", "CNY")
                        .param("lines[0].productId", "3")
                        .param("lines[1].productId", "3")
                        .param("lines[1].quantity", "1")
                        .param("lines[1].discountPercent", "120"))
                .hasStatusOk()
                .hasViewName("orders/form")
                .model()
                .extractingBindingResult("order")
                .hasFieldErrors("orderDate", "lines[0].quantity", "lines[1].discountPercent");
        verify(service, never()).create(any(), any());
    }

    @Test
    void refusesAnOverpaymentNextToTheAmountField() {
        willThrow(new OrderRuleException("order.payment.exceedsOutstanding", "amount", "too much", "39.99", "CNY"))
                .given(service)
                .recordPayment(eq(8L), any(), any());

        assertThat(mvc.post()
                        .uri("/orders/8/payments")
                        .with(user(REP))
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("amount", "40")
                        .param("paidOn", "2026-11-24")
                        .param("method", "CASH"))
                .hasStatusOk()
                .hasViewName("orders/detail")
                .bodyText()
                .contains("回款金额超过未回款金额 CNY 39.99");
    }

    @Test
    void redirectsAfterAStatusChangeAndExplainsARefusal() {
        willThrow(new OrderRuleException("order.status.notAllowed", "status", "no"))
                .given(service)
                .changeStatus(eq(8L), eq(OrderStatus.COMPLETED), any());

        assertThat(mvc.post()
                        .uri("/orders/8/status")
                        .with(user(REP))
                        .with(csrf())
                        .param("status", "COMPLETED"))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/orders/8")
                .flash()
                .containsEntry("flashError", "order.status.notAllowed");
    }

    @Test
    void showsTheMarginToManagersOnly() {
        assertThat(mvc.get().uri("/orders/8").with(user(REP))).bodyText().doesNotContain("order-margin");
        given(queries.details(eq(8L), any())).willReturn(order(true, new BigDecimal("29.99")));
        assertThat(mvc.get().uri("/orders/8").with(user(MANAGER))).bodyText().contains("order-margin", "29.99");
    }

    @Test
    void servesTheCustomerTabAsAFragment() {
        given(queries.forCustomer(eq(5L), any()))
                .willReturn(List.of(new OrderRow(
                        8,
                        "SO2026000008",
                        5,
                        "华光",
                        LocalDate.of(2026, 11, 23),
                        "CNY",
                        OrderStatus.DRAFT,
                        new BigDecimal("89.99"),
                        BigDecimal.ZERO,
                        new BigDecimal("89.99"),
                        0)));

        assertThat(mvc.get().uri("/orders/for-customer/5").with(user(REP)).header("HX-Request", "true"))
                .hasStatusOk()
                .bodyText()
                .contains("SO2026000008", "new-order")
                .doesNotContain("<html", "navbar");
    }

    @Test
    void refusesAnOpportunityThatIsNotWon() {
        given(opportunities.ref(eq(4L), any()))
                .willReturn(Optional.of(new OpportunityRef(
                        4, 5, "扩产项目", new BigDecimal("1000"), "CNY", PipelineStage.NEGOTIATION, 11)));
        given(opportunities.ref(eq(6L), any()))
                .willReturn(Optional.of(
                        new OpportunityRef(6, 5, "扩产项目", new BigDecimal("1000"), "USD", PipelineStage.WON, 11)));

        assertThat(mvc.get().uri("/orders/new?opportunityId=4").with(user(REP)))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/customers/5");
        assertThat(mvc.get().uri("/orders/new?opportunityId=6").with(user(REP)))
                .hasStatusOk()
                .bodyText()
                .contains("扩产项目", "value=\"USD\"");
        assertThat(mvc.get().uri("/orders/new?opportunityId=7").with(user(REP))).hasStatus(HttpStatus.NOT_FOUND);
    }

    static OrderDetails order(boolean editable, BigDecimal margin) {
        return new OrderDetails(
                8,
                "SO2026000008",
                5,
                "上海华光机械有限公司",
                null,
                LocalDate.of(2026, 11, 23),
                "CNY",
                OrderStatus.CONFIRMED,
                new BigDecimal("89.99"),
                margin == null ? null : new BigDecimal("60.00"),
                margin,
                margin == null ? null : new BigDecimal("33.3"),
                new BigDecimal("50.00"),
                new BigDecimal("39.99"),
                1,
                Instant.now(),
                editable,
                Set.of(OrderStatus.SHIPPED),
                List.of(),
                List.of(),
                List.of());
    }
}
