package com.kehu.crm.order.web;

import static com.kehu.crm.identity.WebSecurityTestConfiguration.principal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.Role;
import com.kehu.crm.identity.WebSecurityTestConfiguration;
import com.kehu.crm.order.ProductQueries;
import com.kehu.crm.order.ProductRow;
import com.kehu.crm.order.ProductService;
import com.kehu.crm.sales.SalesProperties;
import com.kehu.crm.shared.web.Formats;
import com.kehu.crm.shared.web.PageView;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebMvcTest(ProductController.class)
@Import({WebSecurityTestConfiguration.class, Formats.class, OrderControllerTests.Config.class})
class ProductControllerTests {

    static final CrmUserDetails REP = principal(11, "rep1", Role.SALES_REP, 1L);
    static final CrmUserDetails MANAGER = principal(2, "manager", Role.MANAGER, 1L);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    SalesProperties sales;

    @MockitoBean
    ProductQueries queries;

    @MockitoBean
    ProductService service;

    @Test
    void letsRepsReadThePriceListButNotChangeIt() {
        given(queries.list(any(), any(), any(), anyInt(), anyInt()))
                .willReturn(new PageView<>(
                        List.of(new ProductRow(
                                1,
                                "CNC-01",
                                "数控机床",
                                "台",
                                new BigDecimal("120000"),
                                new BigDecimal("80000"),
                                "CNY",
                                true,
                                0,
                                null)),
                        25,
                        0,
                        1,
                        true));

        assertThat(mvc.get().uri("/products").with(user(REP)))
                .hasStatusOk()
                .bodyText()
                .contains("CNC-01", "数控机床")
                .doesNotContain("new-product", "80,000");
        assertThat(mvc.post()
                        .uri("/products")
                        .with(user(REP))
                        .with(csrf())
                        .param("code", "X")
                        .param("name", "x"))
                .hasStatus(HttpStatus.FORBIDDEN);
        verify(service, never()).create(any(), any());
    }

    @Test
    void createsAProductForManagersWithFieldErrorsInChinese() {
        given(queries.canManage(any())).willReturn(true);

        assertThat(mvc.post()
                        .uri("/products")
                        .with(user(MANAGER))
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("code", "bad code!")
                        .param("name", "")
                        .param("unit", "台")
                        .param("listPrice", "-1")
                        .param("unitCost", "1")
                        .param("currency", "CNY"))
                .hasStatusOk()
                .hasViewName("products/form")
                .bodyText()
                .contains("只能使用字母、数字、点、连字符和下划线。", "请填写此字段", "请输入零或正数。");
        assertThat(mvc.post()
                        .uri("/products")
                        .with(user(MANAGER))
                        .with(csrf())
                        .param("code", "cnc-02")
                        .param("name", "加工中心")
                        .param("unit", "台")
                        .param("listPrice", "99.90")
                        .param("unitCost", "50")
                        .param("currency", "CNY")
                        .param("active", "true"))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/products");
        verify(service).create(any(), any());
        assertThat(sales.currency()).isEqualTo("CNY");
    }

    @Test
    void checksCsrf() {
        assertThat(mvc.post().uri("/products/1/deactivate").with(user(MANAGER))).hasStatus(HttpStatus.FORBIDDEN);
        verify(service, never()).deactivate(org.mockito.ArgumentMatchers.anyLong(), any());
    }
}
