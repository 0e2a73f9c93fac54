package com.kehu.crm.survey.web;

import static com.kehu.crm.identity.WebSecurityTestConfiguration.principal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.Role;
import com.kehu.crm.identity.WebSecurityTestConfiguration;
import com.kehu.crm.shared.web.Formats;
import com.kehu.crm.shared.web.PageView;
import com.kehu.crm.survey.InvitationStatus;
import com.kehu.crm.survey.InvitationView;
import com.kehu.crm.survey.LinkState;
import com.kehu.crm.survey.SurveyAttributeService;
import com.kehu.crm.survey.SurveyAttributeView;
import com.kehu.crm.survey.SurveyInvitations;
import com.kehu.crm.survey.SurveyQueries;
import com.kehu.crm.survey.SurveyResponses;
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

@WebMvcTest({PublicSurveyController.class, SurveyController.class, SurveyAttributeController.class})
@Import({WebSecurityTestConfiguration.class, Formats.class})
class SurveyControllerTests {

    static final CrmUserDetails AGENT = principal(12, "agent1", Role.SUPPORT_AGENT, null);
    static final CrmUserDetails MARKETER = principal(13, "marketer1", Role.MARKETER, null);
    static final CrmUserDetails ADMIN = principal(1, "admin", Role.ADMIN, null);
    static final String TOKEN = "A".repeat(43);

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    SurveyQueries queries;

    @MockitoBean
    SurveyResponses responses;

    @MockitoBean
    SurveyInvitations invitations;

    @MockitoBean
    SurveyAttributeService attributeService;

    @MockitoBean
    CustomerQueries customers;

    @BeforeEach
    void setUp() {
        given(queries.attributes(true))
                .willReturn(List.of(
                        new SurveyAttributeView(1, "PRODUCT_QUALITY", "Product quality", "产品质量", 10, true, 0),
                        new SurveyAttributeView(2, "PRICE", "Price", "价格", 20, true, 0)));
        given(queries.activeAttributeCodes()).willReturn(List.of("PRODUCT_QUALITY", "PRICE"));
        given(queries.linkState(TOKEN)).willReturn(LinkState.OPEN);
        given(queries.linkState(eq("B".repeat(43)))).willReturn(LinkState.INVALID);
    }

    @Test
    void showsThePublicSurveyWithoutSignInInChinese() {
        assertThat(mvc.get().uri("/s/" + TOKEN).header("Accept-Language", "zh-CN"))
                .hasStatusOk()
                .hasViewName("surveys/public")
                .bodyText()
                .contains("总体满意度", "产品质量", "期望", "实际感受", "再次购买意愿", "推荐意愿", "意见与建议")
                .contains("name=\"_csrf\"", "name=\"attributes[PRICE]\"")
                .doesNotContain("navbar", "<script");
    }

    @Test
    void refusesAPublicAnswerWithoutCsrfAndKeepsErrorsNextToFields() {
        assertThat(mvc.post().uri("/s/" + TOKEN).param("overall", "5")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/s/" + TOKEN)
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("overall", "x")
                        .param("recommend", "5"))
                .hasStatusOk()
                .bodyText()
                .contains("请选择 1 到 5 之间的评分。", "id=\"overall-error\"", "id=\"attributes-PRICE-error\"");
        verify(responses, never()).submitByLink(anyString(), any());
    }

    @Test
    void anUnknownLinkIsAPoliteNotFound() {
        assertThat(mvc.get().uri("/s/" + "B".repeat(43)).header("Accept-Language", "zh-CN"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyText()
                .contains("链接已失效");
    }

    @Test
    void staffScreensNeedSignInAndTheRightRole() {
        given(queries.list(any(), eq(0), eq(25), any())).willReturn(new PageView<>(List.of(), 25, 0, 0, true));
        assertThat(mvc.get().uri("/surveys")).hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/surveys").with(user(MARKETER))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/surveys").with(user(AGENT))).hasStatusOk().hasViewName("surveys/list");
        assertThat(mvc.get().uri("/admin/survey-attributes").with(user(AGENT))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/surveys/record").with(user(AGENT)).param("customerId", "5"))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void theTicketFragmentOffersALinkWithoutTheLayout() {
        given(queries.forTicket(eq(7L), any()))
                .willReturn(new InvitationView(
                        5, 7L, null, 70L, InvitationStatus.PENDING, Instant.parse("2026-12-01T00:00:00Z"), null));
        assertThat(mvc.get().uri("/surveys/for-ticket/7").with(user(AGENT)))
                .hasStatusOk()
                .bodyText()
                .contains("/surveys/invitations/70/link", "/surveys/record?ticketId=7")
                .doesNotContain("navbar");
    }

    @Test
    void rejectsAnAttributeCodeThatBreaksThePattern() {
        assertThat(mvc.post()
                        .uri("/admin/survey-attributes")
                        .with(user(ADMIN))
                        .with(csrf())
                        .header("Accept-Language", "en")
                        .param("code", "bad code")
                        .param("labelEn", "Warranty")
                        .param("labelZh", "保修"))
                .hasStatusOk()
                .bodyText()
                .contains("Use capital letters");
        verify(attributeService, never()).add(anyString(), anyString(), anyString());
        assertThat(mvc.post()
                        .uri("/admin/survey-attributes")
                        .with(user(ADMIN))
                        .with(csrf())
                        .param("code", "WARRANTY")
                        .param("labelEn", "Warranty")
                        .param("labelZh", "保修"))
                .hasStatus(HttpStatus.FOUND);
        verify(attributeService).add("WARRANTY", "Warranty", "保修");
    }
}
