package com.kehu.crm.customer.web;

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

import com.kehu.crm.customer.CustomerAccess;
import com.kehu.crm.customer.CustomerDetails;
import com.kehu.crm.customer.CustomerKind;
import com.kehu.crm.customer.CustomerNotFoundException;
import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.customer.CustomerRow;
import com.kehu.crm.customer.CustomerService;
import com.kehu.crm.customer.CustomerStatus;
import com.kehu.crm.customer.Importance;
import com.kehu.crm.customer.PurchaseStage;
import com.kehu.crm.customer.RelationCategory;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.Role;
import com.kehu.crm.identity.UserQueries;
import com.kehu.crm.identity.UserRef;
import com.kehu.crm.identity.WebSecurityTestConfiguration;
import com.kehu.crm.shared.domain.EditConflictException;
import com.kehu.crm.shared.web.Formats;
import com.kehu.crm.shared.web.PageView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebMvcTest(CustomerController.class)
@Import({WebSecurityTestConfiguration.class, Formats.class})
class CustomerControllerTests {

    static final CrmUserDetails REP = principal(11, "rep1", Role.SALES_REP, 1L);
    static final CrmUserDetails AGENT = principal(12, "agent1", Role.SUPPORT_AGENT, null);
    static final CrmUserDetails MARKETER = principal(13, "marketer1", Role.MARKETER, null);

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    CustomerQueries queries;

    @MockitoBean
    CustomerService service;

    @MockitoBean
    CustomerAccess access;

    @MockitoBean
    UserQueries users;

    @BeforeEach
    void setUp() {
        given(access.canCreate(any())).willReturn(true);
        given(users.assignableOwners(any())).willReturn(List.of(new UserRef(11, "rep1", "张伟 Zhang Wei")));
        given(queries.list(any(), any(), anyBoolean(), anyInt(), anyInt(), any()))
                .willReturn(new PageView<>(List.of(row()), 25, 0, 1, true));
    }

    @Test
    void redirectsAnonymousUsersToTheLoginPage() {
        assertThat(mvc.get().uri("/customers")).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login");
    }

    @Test
    void forbidsCustomerScreensToMarketers() {
        assertThat(mvc.get().uri("/customers").with(user(MARKETER))).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void letsSupportAgentsReadButNotCreate() {
        assertThat(mvc.get().uri("/customers").with(user(AGENT))).hasStatusOk();
        assertThat(mvc.post().uri("/customers").with(user(AGENT)).with(csrf()).param("name", "X"))
                .hasStatus(HttpStatus.FORBIDDEN);
        verify(service, never()).register(any(), any());
    }

    @Test
    void listsCustomersWithTheirOwner() {
        assertThat(mvc.get().uri("/customers").with(user(REP)))
                .hasStatusOk()
                .hasViewName("customers/list")
                .bodyText()
                .contains("上海华光机械有限公司", "C0000001", "张伟 Zhang Wei");
    }

    @Test
    void answersHtmxSearchesWithTheResultsFragmentOnly() {
        assertThat(mvc.get().uri("/customers?q=华光").header("HX-Request", "true").with(user(REP)))
                .hasStatusOk()
                .bodyText()
                .contains("customer-table")
                .doesNotContain("<html");
    }

    @Test
    void rejectsAPostWithoutCsrfToken() {
        assertThat(mvc.post().uri("/customers").with(user(REP)).param("name", "X"))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void showsFieldErrorsAndKeepsTheInput() {
        assertThat(mvc.post()
                        .uri("/customers")
                        .with(user(REP))
                        .with(csrf())
                        .param("kind", "ENTERPRISE")
                        .param("name", "")
                        .param("email", "not-an-email")
                        .param("phone", "021-5555 1234")
                        .param("profile[basic.foundedYear]", "nineteen")
                        .param("relationCategory", "B2B")
                        .param("importance", "ORDINARY")
                        .param("status", "POTENTIAL"))
                .hasStatusOk()
                .hasViewName("customers/form")
                .model()
                .extractingBindingResult("customer")
                .hasFieldErrors("name", "email", "profile[basic.foundedYear]");
        verify(service, never()).register(any(), any());
    }

    @Test
    void createsACustomerAndRedirectsToIt() {
        given(service.register(any(), any())).willReturn(42L);

        assertThat(mvc.post()
                        .uri("/customers")
                        .with(user(REP))
                        .with(csrf())
                        .param("kind", "ENTERPRISE")
                        .param("name", "上海华光机械有限公司")
                        .param("relationCategory", "B2B")
                        .param("importance", "ORDINARY")
                        .param("status", "POTENTIAL")
                        .param("ownerId", "11"))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/customers/42")
                .flash()
                .containsEntry("flashSuccess", "customer.created");
    }

    @Test
    void answers404ForAnInvisibleCustomer() {
        given(queries.details(eq(99L), any())).willThrow(CustomerNotFoundException.forId(99));

        assertThat(mvc.get().uri("/customers/99").with(user(REP)))
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasViewName("error/404");
    }

    @Test
    void showsTheConflictPageKeepingTheUsersInput() {
        given(queries.details(eq(5L), any())).willReturn(details(3));
        willThrow(new EditConflictException("Customer 5", 2, 3)).given(service).update(eq(5L), anyLong(), any(), any());

        assertThat(mvc.post()
                        .uri("/customers/5")
                        .with(user(REP))
                        .with(csrf())
                        .param("version", "2")
                        .param("name", "我的新名字")
                        .param("relationCategory", "B2B")
                        .param("importance", "ORDINARY")
                        .param("status", "TARGET"))
                .hasStatusOk()
                .hasViewName("customers/conflict")
                .bodyText()
                .contains("我的新名字", "上海华光机械有限公司");
    }

    private static CustomerRow row() {
        return new CustomerRow(
                1,
                "C0000001",
                "上海华光机械有限公司",
                CustomerKind.ENTERPRISE,
                CustomerStatus.TARGET,
                Importance.VIP,
                "021-5555 1234",
                "info@huaguang.cn",
                null,
                null,
                null,
                "rep1",
                "张伟 Zhang Wei",
                List.of("机械"),
                false,
                0,
                Instant.now(),
                Instant.now());
    }

    private static CustomerDetails details(long version) {
        return new CustomerDetails(
                5,
                "C0000005",
                CustomerKind.ENTERPRISE,
                "上海华光机械有限公司",
                null,
                null,
                null,
                null,
                null,
                null,
                RelationCategory.B2B,
                Importance.ORDINARY,
                CustomerStatus.TARGET,
                11,
                "rep1",
                "张伟",
                List.of(),
                Map.of(),
                false,
                null,
                version,
                Instant.now(),
                Instant.now(),
                true,
                List.of(),
                PurchaseStage.NONE,
                null);
    }
}
