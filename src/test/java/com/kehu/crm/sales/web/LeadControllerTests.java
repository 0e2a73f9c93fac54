package com.kehu.crm.sales.web;

import static com.kehu.crm.identity.WebSecurityTestConfiguration.principal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.Role;
import com.kehu.crm.identity.UserQueries;
import com.kehu.crm.identity.WebSecurityTestConfiguration;
import com.kehu.crm.sales.DuplicateCandidate;
import com.kehu.crm.sales.DuplicateCustomersException;
import com.kehu.crm.sales.IllegalLeadStateException;
import com.kehu.crm.sales.LeadActions;
import com.kehu.crm.sales.LeadConversionService;
import com.kehu.crm.sales.LeadQueries;
import com.kehu.crm.sales.LeadRow;
import com.kehu.crm.sales.LeadService;
import com.kehu.crm.sales.LeadSource;
import com.kehu.crm.sales.LeadStatus;
import com.kehu.crm.sales.SalesProperties;
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

@WebMvcTest(LeadController.class)
@Import({WebSecurityTestConfiguration.class, Formats.class})
class LeadControllerTests {

    static final CrmUserDetails REP = principal(11, "rep1", Role.SALES_REP, 1L);
    static final CrmUserDetails AGENT = principal(12, "agent1", Role.SUPPORT_AGENT, null);
    static final CrmUserDetails MARKETER = principal(13, "marketer1", Role.MARKETER, null);

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    LeadQueries queries;

    @MockitoBean
    LeadService service;

    @MockitoBean
    LeadConversionService conversions;

    @MockitoBean
    UserQueries users;

    @MockitoBean
    SalesProperties properties;

    @BeforeEach
    void setUp() {
        given(queries.details(eq(5L), any())).willReturn(lead(3));
        given(queries.actions(any(), any()))
                .willReturn(new LeadActions(false, true, true, false, false, true, true, true, false));
        given(properties.currency()).willReturn("CNY");
    }

    @Test
    void keepsSupportAndMarketingOut() {
        assertThat(mvc.get().uri("/leads").with(user(AGENT))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/leads/5").with(user(MARKETER))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/leads"))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .endsWith("/login");
    }

    @Test
    void requiresTheCsrfTokenOnEveryPost() {
        assertThat(mvc.post().uri("/leads/5/claim").with(user(REP))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/leads")
                        .with(user(REP))
                        .param("contactName", "X")
                        .param("source", "PHONE"))
                .hasStatus(HttpStatus.FORBIDDEN);
        verify(service, never()).claim(anyLong(), any());
        verify(service, never()).create(any(com.kehu.crm.sales.LeadData.class), anyBoolean(), any());
    }

    @Test
    void createsALeadAndRedirectsToIt() {
        given(service.create(any(com.kehu.crm.sales.LeadData.class), eq(true), any()))
                .willReturn(7L);

        assertThat(mvc.post()
                        .uri("/leads")
                        .with(user(REP))
                        .with(csrf())
                        .param("companyName", "杭州西湖茶业")
                        .param("contactName", "王经理")
                        .param("source", "EXHIBITION")
                        .param("keepForMyself", "true"))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/leads/7")
                .flash()
                .containsEntry("flashSuccess", "lead.created");
    }

    @Test
    void showsFieldErrorsInChineseAndSavesNothing() {
        assertThat(mvc.post()
                        .uri("/leads")
                        .with(user(REP))
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("contactName", "")
                        .param("phone", "call me")
                        .param("email", "nope"))
                .hasStatusOk()
                .hasViewName("leads/form")
                .bodyText()
                .contains("请填写此字段", "只能使用数字", "请输入有效的电子邮箱地址", "请选择");
        verify(service, never()).create(any(com.kehu.crm.sales.LeadData.class), anyBoolean(), any());
    }

    @Test
    void turnsARefusalIntoATranslatedFlashMessage() {
        willThrow(new IllegalLeadStateException("lead.claim.limit", "User 11 holds 50 open leads"))
                .given(service)
                .claim(eq(5L), any());

        assertThat(mvc.post().uri("/leads/5/claim").with(user(REP)).with(csrf()))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/leads/5")
                .flash()
                .containsEntry("flashError", "lead.claim.limit");
    }

    @Test
    void showsTheDetailPageWithTheActionsTheUserMayTake() {
        assertThat(mvc.get().uri("/leads/5").with(user(REP)).header("Accept-Language", "zh-CN"))
                .hasStatusOk()
                .hasViewName("leads/detail")
                .bodyText()
                .contains("杭州西湖茶业", "购买意愿", "购买力", "购买决定权", "convert-lead")
                .doesNotContain("claim-lead");
    }

    @Test
    void keepsTheInputWhenSomeoneElseSavedFirst() {
        willThrow(new EditConflictException("Lead 5", 2, 3)).given(service).update(eq(5L), anyLong(), any(), any());

        assertThat(mvc.post()
                        .uri("/leads/5")
                        .with(user(REP))
                        .with(csrf())
                        .param("version", "2")
                        .param("contactName", "我输入的名字")
                        .param("source", "PHONE"))
                .hasStatusOk()
                .hasViewName("leads/form")
                .bodyText()
                .contains("我输入的名字", "lead-conflict", "王经理");
    }

    @Test
    void listsDuplicateCandidatesAndWaitsForADecision() {
        willThrow(new DuplicateCustomersException(
                        List.of(new DuplicateCandidate(null, null, "杭州西湖茶业有限公司", "刘洋", true, false, false, false))))
                .given(conversions)
                .convert(eq(5L), any(), any());

        assertThat(mvc.post().uri("/leads/5/convert").with(user(REP)).with(csrf()))
                .hasStatusOk()
                .hasViewName("leads/convert")
                .bodyText()
                .contains("duplicate-candidates", "杭州西湖茶业有限公司", "刘洋")
                .doesNotContain("/customers/null");
    }

    @Test
    void requiresTheDealFieldsOnlyWhenADealIsWanted() {
        assertThat(mvc.post()
                        .uri("/leads/5/convert")
                        .with(user(REP))
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("createOpportunity", "true")
                        .param("amount", "-3"))
                .hasStatusOk()
                .hasViewName("leads/convert")
                .bodyText()
                .contains("请填写此字段");
        verify(conversions, never()).convert(anyLong(), any(), any());
    }

    private static LeadRow lead(long version) {
        return new LeadRow(
                5,
                "杭州西湖茶业",
                "王经理",
                "采购总监",
                "13800138000",
                null,
                LeadSource.EXHIBITION,
                null,
                LeadStatus.QUALIFIED,
                11L,
                "张伟",
                Instant.now(),
                null,
                true,
                true,
                true,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                version,
                Instant.now(),
                Instant.now());
    }
}
