package com.kehu.crm.survey.api;

import static com.kehu.crm.identity.WebSecurityTestConfiguration.principal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.Role;
import com.kehu.crm.identity.WebSecurityTestConfiguration;
import com.kehu.crm.survey.SurveyQueries;
import com.kehu.crm.survey.SurveyResponses;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebMvcTest(SurveyApiController.class)
@Import(WebSecurityTestConfiguration.class)
class SurveyApiControllerTests {

    static final CrmUserDetails AGENT = principal(12, "agent1", Role.SUPPORT_AGENT, null);
    static final CrmUserDetails MARKETER = principal(13, "marketer1", Role.MARKETER, null);

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    SurveyQueries queries;

    @MockitoBean
    SurveyResponses responses;

    @BeforeEach
    void setUp() {
        given(queries.activeAttributeCodes()).willReturn(List.of("PRICE"));
    }

    @Test
    void answersBadValuesWithFieldErrors() {
        var result = mvc.post()
                .uri("/api/v1/surveys/responses")
                .with(user(AGENT))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"customerId\": 5, \"overall\": 0, \"attributes\": {}, \"expectation\": 3,"
                        + " \"performance\": 3, \"repurchaseIntent\": 3, \"recommend\": 3,"
                        + " \"comment\": \"" + "x".repeat(2001) + "\"}")
                .exchange();
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactly("overall", "attributes[PRICE]", "comment");
        verify(responses, never()).record(any(), any());
    }

    @Test
    void keepsMarketersOut() {
        assertThat(mvc.get().uri("/api/v1/surveys/responses").with(user(MARKETER)))
                .hasStatus(HttpStatus.FORBIDDEN);
    }
}
