package com.kehu.crm.support.web;

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
import com.kehu.crm.identity.WebSecurityTestConfiguration;
import com.kehu.crm.shared.domain.EditConflictException;
import com.kehu.crm.shared.web.Formats;
import com.kehu.crm.shared.web.PageView;
import com.kehu.crm.support.KbArticleDetails;
import com.kehu.crm.support.KbArticleRow;
import com.kehu.crm.support.KbCategory;
import com.kehu.crm.support.KbQueries;
import com.kehu.crm.support.KbService;
import com.kehu.crm.support.KbTicketNotFoundException;
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

@WebMvcTest(KbController.class)
@Import({WebSecurityTestConfiguration.class, Formats.class})
class KbControllerTests {

    static final CrmUserDetails REP = principal(11, "rep1", Role.SALES_REP, 1L);
    static final CrmUserDetails AGENT = principal(12, "agent1", Role.SUPPORT_AGENT, null);
    static final CrmUserDetails MARKETER = principal(13, "marketer1", Role.MARKETER, null);

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    KbQueries queries;

    @MockitoBean
    KbService service;

    @BeforeEach
    void setUp() {
        given(queries.categories()).willReturn(List.of(new KbCategory(1, "BILLING", "Billing", "账单费用")));
        given(queries.search(any(), any(), anyInt(), anyInt(), any()))
                .willReturn(new PageView<>(List.of(row()), 20, 0, 1, true));
        given(queries.details(eq(7L), any())).willReturn(details(3));
        given(service.create(any(), anyBoolean(), any())).willReturn(7L);
    }

    static int anyInt() {
        return org.mockito.ArgumentMatchers.anyInt();
    }

    @Test
    void letsRepsReadButNotWriteAndKeepsMarketersOut() {
        assertThat(mvc.get().uri("/kb").with(user(REP)))
                .hasStatusOk()
                .hasViewName("kb/list")
                .bodyText()
                .contains("发票补打流程")
                .doesNotContain("new-article");
        assertThat(mvc.get().uri("/kb/articles/7").with(user(REP)))
                .hasStatusOk()
                .bodyText()
                .contains("<strong>补打</strong>")
                .doesNotContain("edit-article");
        assertThat(mvc.get().uri("/kb/articles/new").with(user(REP))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/kb/articles")
                        .with(user(REP))
                        .with(csrf())
                        .param("title", "x")
                        .param("body", "y"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/kb").with(user(MARKETER))).hasStatus(HttpStatus.FORBIDDEN);
        verify(service, never()).create(any(), anyBoolean(), any());
    }

    @Test
    void requiresCsrfOnEveryPost() {
        assertThat(mvc.post()
                        .uri("/kb/articles")
                        .with(user(AGENT))
                        .param("title", "标题")
                        .param("body", "正文"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/kb/articles/7/links").with(user(AGENT)).param("ticketId", "3"))
                .hasStatus(HttpStatus.FORBIDDEN);
        verify(service, never()).link(anyLong(), anyLong(), any());
    }

    @Test
    void createsAndPublishesThenRedirects() {
        assertThat(mvc.post()
                        .uri("/kb/articles")
                        .with(user(AGENT))
                        .with(csrf())
                        .param("title", "发票补打流程")
                        .param("body", "在订单页点击**补打**。")
                        .param("tags", "发票，billing")
                        .param("publish", "true"))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/kb/articles/7")
                .flash()
                .containsEntry("flashSuccess", "kb.published");
        verify(service).create(any(), eq(true), any());
    }

    @Test
    void showsFieldErrorsInChinese() {
        assertThat(mvc.post()
                        .uri("/kb/articles?lang=zh-CN")
                        .with(user(AGENT))
                        .with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("title", "")
                        .param("body", ""))
                .hasStatusOk()
                .hasViewName("kb/form")
                .bodyText()
                .contains("请填写此字段");
        verify(service, never()).create(any(), anyBoolean(), any());
    }

    @Test
    void keepsTheTextWhenSomeoneElseSavedFirst() {
        willThrow(new EditConflictException("Article 7", 2, 3)).given(service).update(eq(7L), anyLong(), any(), any());

        assertThat(mvc.post()
                        .uri("/kb/articles/7")
                        .with(user(AGENT))
                        .with(csrf())
                        .param("version", "2")
                        .param("title", "我改的标题")
                        .param("body", "我的正文"))
                .hasStatusOk()
                .hasViewName("kb/form")
                .bodyText()
                .contains("我改的标题", "kb-conflict");
    }

    @Test
    void answersHtmxWithTheTicketPanelOnly() {
        given(queries.forTicket(eq(3L), any())).willReturn(List.of(row()));

        assertThat(mvc.get().uri("/kb/for-ticket/3?q=发票").with(user(AGENT)).header("HX-Request", "true"))
                .hasStatusOk()
                .bodyText()
                .contains("ticket-kb", "发票补打流程", "/kb/articles/7/unlink")
                .doesNotContain("<html", "navbar");
        assertThat(mvc.post()
                        .uri("/kb/articles/7/links")
                        .with(user(REP))
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("ticketId", "3"))
                .hasStatusOk()
                .bodyText()
                .contains("ticket-kb")
                .doesNotContain("<html");
        verify(service).link(eq(7L), eq(3L), any());
    }

    @Test
    void answersNotFoundForAHiddenTicket() {
        willThrow(KbTicketNotFoundException.forId(9)).given(service).link(eq(7L), eq(9L), any());

        assertThat(mvc.post()
                        .uri("/kb/articles/7/links")
                        .with(user(REP))
                        .with(csrf())
                        .param("ticketId", "9"))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    private static KbArticleRow row() {
        return new KbArticleRow(7, "发票补打流程", 1L, "Billing", "账单费用", List.of("发票"), true, "赵敏", 4, Instant.now());
    }

    private static KbArticleDetails details(long version) {
        return new KbArticleDetails(
                7,
                "发票补打流程",
                "在订单页点击**补打**。",
                "<p>在订单页点击<strong>补打</strong>。</p>\n",
                1L,
                "Billing",
                "账单费用",
                List.of("发票"),
                true,
                Instant.now(),
                12,
                "赵敏",
                4,
                version,
                Instant.now(),
                Instant.now());
    }
}
