package com.kehu.crm.order;

import static com.kehu.crm.support.IntegrationTest.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.kehu.crm.shared.timeline.TimelineEntry;
import com.kehu.crm.support.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Orders end to end: API and screens, totals, the workflow, payments, record rules and the customer's stage. */
@IntegrationTest
class OrderIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrderTimeline timeline;

    RequestPostProcessor user(String username) {
        return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
    }

    static long idOf(MvcTestResult result) {
        return Long.parseLong(result.getResponse().getHeader("Location").replaceAll(".*/", ""));
    }

    long customerOf(String username) {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/customers")
                .with(httpBasic(username, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"订单测试公司 " + UUID.randomUUID().toString().substring(0, 6) + "\"}")
                .exchange();
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return idOf(result);
    }

    long product(String listPrice, String unitCost) {
        String code = "t-" + UUID.randomUUID().toString().substring(0, 8);
        MvcTestResult result = mvc.post()
                .uri("/api/v1/products")
                .with(httpBasic("manager", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"code": "%s", "name": "数控机床", "unit": "台", "listPrice": %s, "unitCost": %s,
                         "currency": "CNY"}""".formatted(code, listPrice, unitCost))
                .exchange();
        assertThat(result).hasStatus(HttpStatus.CREATED);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(code.toUpperCase());
        return idOf(result);
    }

    long order(String username, long customer, long product, String lineExtras) {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/orders")
                .with(httpBasic(username, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"customerId": %d, "orderDate": "2026-11-23", "currency": "CNY", "totalAmount": 1,
                         "lines": [{"productId": %d, "quantity": 3 %s}]}""".formatted(customer, product, lineExtras))
                .exchange();
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return idOf(result);
    }

    MvcTestResult status(String username, long order, String status) {
        return mvc.post()
                .uri("/api/v1/orders/" + order + "/status")
                .with(httpBasic(username, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\": \"" + status + "\"}")
                .exchange();
    }

    MvcTestResult pay(long order, String amount) {
        return mvc.post()
                .uri("/api/v1/orders/" + order + "/payments")
                .with(httpBasic("rep1", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"amount": %s, "paidOn": "2026-11-24", "method": "BANK_TRANSFER", "reference": "HD-1"}""".formatted(amount))
                .exchange();
    }

    @Test
    void takesAnOrderFromDraftToCompletedAndMakesTheCustomerABuyer() {
        long customer = customerOf("rep1");
        long product = product("33.33", "20.00");
        long order = order("rep1", customer, product, ", \"discountPercent\": 10");

        var created = mvc.get()
                .uri("/api/v1/orders/" + order)
                .with(httpBasic("rep1", PASSWORD))
                .exchange();
        assertThat(created)
                .bodyJson()
                .extractingPath("$.totalAmount")
                .asNumber()
                .isEqualTo(89.99);
        assertThat(created)
                .bodyJson()
                .extractingPath("$.lines[0].unitPrice")
                .asNumber()
                .isEqualTo(33.33);
        assertThat(created).bodyJson().extractingPath("$.status").isEqualTo("DRAFT");
        assertThat(created).bodyJson().extractingPath("$.costAmount").isNull();
        assertThat(created)
                .bodyJson()
                .extractingPath("$.orderNumber")
                .asString()
                .matches("SO\\d{10,}");
        assertThat(mvc.get().uri("/api/v1/orders/" + order).with(httpBasic("manager", PASSWORD)))
                .bodyJson()
                .extractingPath("$.marginAmount")
                .asNumber()
                .isEqualTo(29.99);

        assertThat(pay(order, "10")).hasStatus(HttpStatus.CONFLICT);
        assertThat(status("rep1", order, "SHIPPED"))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("not allowed");
        assertThat(status("rep1", order, "CONFIRMED")).hasStatusOk();
        assertThat(pay(order, "50.00")).hasStatus(HttpStatus.CREATED);

        MvcTestResult overpaid = pay(order, "40.00");
        assertThat(overpaid).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(overpaid).bodyJson().extractingPath("$.errors[0].field").isEqualTo("amount");
        assertThat(overpaid)
                .bodyJson()
                .extractingPath("$.errors[0].message")
                .asString()
                .contains("39.99");
        assertThat(mvc.get().uri("/api/v1/orders/" + order).with(httpBasic("rep1", PASSWORD)))
                .bodyJson()
                .extractingPath("$.outstandingAmount")
                .asNumber()
                .isEqualTo(39.99);
        assertThat(jdbc.sql("select count(*) from payment where order_id = :id")
                        .param("id", order)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);

        assertThat(status("rep1", order, "SHIPPED")).hasStatusOk();
        assertThat(status("rep1", order, "COMPLETED")).hasStatusOk();

        assertThat(mvc.get().uri("/api/v1/customers/" + customer).with(httpBasic("rep1", PASSWORD)))
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("ACTUAL");
        assertThat(mvc.get().uri("/customers/" + customer).with(user("rep1")))
                .bodyText()
                .contains("First-time buyer");

        long second = order("rep1", customer, product, "");
        status("rep1", second, "CONFIRMED");
        status("rep1", second, "SHIPPED");
        assertThat(status("rep1", second, "COMPLETED")).hasStatusOk();
        assertThat(mvc.get().uri("/customers/" + customer).with(user("rep1")))
                .bodyText()
                .contains("Repeat buyer");

        List<TimelineEntry> entries = timeline.entries(customer, null, 3);
        assertThat(entries).hasSize(3);
        assertThat(entries.get(0).at()).isAfterOrEqualTo(entries.get(2).at());
        assertThat(entries.get(0).title().getCodes()).containsExactly("order.timeline.status");
        assertThat(timeline.entries(customer, entries.get(2).at(), 100))
                .allSatisfy(e -> assertThat(e.at()).isBefore(entries.get(2).at()))
                .anySatisfy(e -> assertThat(e.kind()).isEqualTo("payment"));
    }

    @Test
    void hidesOrdersOfOtherTeamsAndKeepsSupportReadOnly() {
        long customer = customerOf("rep1");
        long product = product("100", "60");
        long order = order("rep1", customer, product, ", \"unitPrice\": 90");

        assertThat(mvc.get().uri("/api/v1/orders/" + order).with(httpBasic("rep3", PASSWORD)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/orders/" + order).with(user("rep3"))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(status("rep3", order, "CONFIRMED")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/orders?customerId=" + customer).with(httpBasic("rep3", PASSWORD)))
                .bodyJson()
                .extractingPath("$.content")
                .asArray()
                .isEmpty();
        assertThat(mvc.get().uri("/orders/for-customer/" + customer).with(user("rep3")))
                .hasStatus(HttpStatus.NOT_FOUND);

        assertThat(mvc.get().uri("/api/v1/orders/" + order).with(httpBasic("agent1", PASSWORD)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.totalAmount")
                .asNumber()
                .isEqualTo(270.0);
        assertThat(status("agent1", order, "CONFIRMED")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/orders").with(user("marketer1"))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/api/v1/products")
                        .with(httpBasic("rep1", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"X\", \"name\": \"x\", \"unit\": \"件\", \"listPrice\": 1,"
                                + " \"unitCost\": 1, \"currency\": \"CNY\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void createsOrdersFromTheScreensWithoutJavaScript() {
        long customer = customerOf("rep1");
        long product = product("12.50", "5");

        assertThat(mvc.get().uri("/orders/new?customerId=" + customer).with(user("rep1")))
                .hasStatusOk()
                .hasViewName("orders/form")
                .bodyText()
                .contains("lines[4].productId");
        assertThat(mvc.post()
                        .uri("/orders")
                        .with(user("rep1"))
                        .with(csrf())
                        .param("customerId", String.valueOf(customer))
                        .param("orderDate", "2026-11-23")
                        .param("currency", "CNY")
                        .param("lines[0].productId", String.valueOf(product))
                        .param("lines[0].quantity", "2")
                        .param("addLines", "true"))
                .hasStatusOk()
                .bodyText()
                .contains("lines[5].productId");
        MvcTestResult saved = mvc.post()
                .uri("/orders")
                .with(user("rep1"))
                .with(csrf())
                .param("customerId", String.valueOf(customer))
                .param("orderDate", "2026-11-23")
                .param("currency", "CNY")
                .param("lines[0].productId", "")
                .param("lines[1].productId", String.valueOf(product))
                .param("lines[1].quantity", "2")
                .exchange();
        assertThat(saved).hasStatus(HttpStatus.FOUND);
        String location = saved.getResponse().getRedirectedUrl();
        long order = Long.parseLong(location.replaceAll(".*/", ""));
        assertThat(mvc.get().uri(location).with(user("rep1")))
                .hasStatusOk()
                .bodyText()
                .contains("25.00", "status-CONFIRMED")
                .doesNotContain("order-margin");

        assertThat(mvc.post()
                        .uri("/orders/" + order + "/status")
                        .with(user("rep1"))
                        .with(csrf())
                        .param("status", "CONFIRMED"))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/orders/" + order);
        assertThat(mvc.post()
                        .uri("/orders/" + order + "/payments")
                        .with(user("rep1"))
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("amount", "30")
                        .param("paidOn", "2026-11-24")
                        .param("method", "WECHAT_PAY"))
                .hasStatusOk()
                .hasViewName("orders/detail")
                .bodyText()
                .contains("回款金额超过未回款金额 CNY 25.00");
        assertThat(mvc.get().uri("/orders/for-customer/" + customer).with(user("rep1")))
                .hasStatusOk()
                .bodyText()
                .contains("customer-orders", "new-order")
                .doesNotContain("<html");
        assertThat(mvc.get().uri("/orders?status=CONFIRMED&q=订单测试").with(user("rep1")))
                .hasStatusOk()
                .bodyText()
                .contains(location.replaceAll(".*/", "/orders/"));
    }
}
