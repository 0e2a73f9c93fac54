package com.kehu.crm.contact.web;

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

import com.kehu.crm.contact.ContactChannel;
import com.kehu.crm.contact.ContactQueries;
import com.kehu.crm.contact.ContactRow;
import com.kehu.crm.contact.ContactService;
import com.kehu.crm.customer.CustomerKind;
import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.customer.CustomerRow;
import com.kehu.crm.customer.CustomerStatus;
import com.kehu.crm.customer.Importance;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.Role;
import com.kehu.crm.identity.WebSecurityTestConfiguration;
import com.kehu.crm.shared.domain.EditConflictException;
import com.kehu.crm.shared.web.Formats;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebMvcTest(ContactController.class)
@Import({WebSecurityTestConfiguration.class, Formats.class})
class ContactControllerTests {

    static final CrmUserDetails REP = principal(11, "rep1", Role.SALES_REP, 1L);
    static final CrmUserDetails MARKETER = principal(13, "marketer1", Role.MARKETER, null);

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    ContactQueries queries;

    @MockitoBean
    ContactService service;

    @MockitoBean
    CustomerQueries customers;

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
        given(queries.details(eq(8L), any())).willReturn(contact(3));
    }

    @Test
    void keepsMarketersOutAndChecksCsrf() {
        assertThat(mvc.get().uri("/contacts").with(user(MARKETER))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/contacts")
                        .with(user(REP))
                        .param("customerId", "5")
                        .param("name", "X"))
                .hasStatus(HttpStatus.FORBIDDEN);
        verify(service, never()).create(anyLong(), any(), any());
    }

    @Test
    void createsAContactAndReturnsToTheCustomer() {
        assertThat(mvc.post()
                        .uri("/contacts")
                        .with(user(REP))
                        .with(csrf())
                        .param("customerId", "5")
                        .param("name", "王总")
                        .param("responsible", "true")
                        .param("preferredChannel", "WECHAT"))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/customers/5#tab-contacts");
        verify(service).create(eq(5L), any(), any());
    }

    @Test
    void showsFieldErrorsInChinese() {
        assertThat(mvc.post()
                        .uri("/contacts?lang=zh-CN")
                        .with(user(REP))
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("customerId", "5")
                        .param("name", "")
                        .param("mobile", "call me"))
                .hasStatusOk()
                .hasViewName("contacts/form")
                .bodyText()
                .contains("请填写此字段", "只能使用数字");
    }

    @Test
    void keepsTheInputWhenSomeoneElseSavedFirst() {
        willThrow(new EditConflictException("Contact 8", 2, 3)).given(service).update(eq(8L), anyLong(), any(), any());

        assertThat(mvc.post()
                        .uri("/contacts/8")
                        .with(user(REP))
                        .with(csrf())
                        .param("version", "2")
                        .param("name", "我输入的名字"))
                .hasStatusOk()
                .hasViewName("contacts/form")
                .bodyText()
                .contains("我输入的名字", "contact-conflict", "王总");
    }

    private static ContactRow contact(long version) {
        return new ContactRow(
                8,
                5,
                "上海华光机械有限公司",
                "王总",
                "总经理",
                null,
                "13800138000",
                null,
                null,
                null,
                null,
                true,
                false,
                ContactChannel.WECHAT,
                null,
                false,
                null,
                version,
                Instant.now(),
                Instant.now());
    }
}
