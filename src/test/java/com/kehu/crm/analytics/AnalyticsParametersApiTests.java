package com.kehu.crm.analytics;

import static com.kehu.crm.support.IntegrationTest.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.kehu.crm.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class AnalyticsParametersApiTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    MvcTestResult put(String user, long version, String body) {
        return mvc.put()
                .uri("/api/v1/analytics/parameters?version=" + version)
                .with(httpBasic(user, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    @Test
    void adminsChangeTheParametersWithTheVersionTheyReadAndBadValuesChangeNothing() throws Exception {
        String before = jdbc.sql("select overrides::text from analytics_parameters where id = 1")
                .query(String.class)
                .single();
        try {
            MvcTestResult read = mvc.get()
                    .uri("/api/v1/analytics/parameters")
                    .with(httpBasic("rep1", PASSWORD))
                    .exchange();
            assertThat(read).hasStatusOk();
            JsonNode current = JSON.readTree(read.getResponse().getContentAsString());
            long version = current.get("version").asLong();
            assertThat(current.get("defaults").get("vipShare").asDouble()).isEqualTo(0.2);

            assertThat(put("manager", version, "{\"vipShare\": 0.1}")).hasStatus(HttpStatus.FORBIDDEN);

            MvcTestResult invalid = put("admin", version, "{\"vipShare\": 0.6, \"importantShare\": 0.5}");
            assertThat(invalid).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(invalid.getResponse().getContentAsString())
                    .contains("importantShare must not be below vipShare");
            assertThat(jdbc.sql("select version from analytics_parameters where id = 1")
                            .query(Long.class)
                            .single())
                    .isEqualTo(version);

            MvcTestResult changed = put("admin", version, "{\"vipShare\": 0.1, \"clvHorizonMonths\": 24}");
            assertThat(changed).hasStatusOk();
            JsonNode after = JSON.readTree(changed.getResponse().getContentAsString());
            assertThat(after.get("values").get("vipShare").asDouble()).isEqualTo(0.1);
            assertThat(after.get("values").get("clvHorizonMonths").asInt()).isEqualTo(24);
            assertThat(after.get("version").asLong()).isEqualTo(version + 1);
            // only what differs from the defaults is stored
            assertThat(jdbc.sql("select overrides::text from analytics_parameters where id = 1")
                            .query(String.class)
                            .single())
                    .contains("vipShare")
                    .doesNotContain("importantShare");

            // a second admin still holding the old version is refused
            assertThat(put("admin", version, "{\"vipShare\": 0.3}")).hasStatus(HttpStatus.CONFLICT);
        } finally {
            jdbc.sql("update analytics_parameters set overrides = cast(:o as jsonb) where id = 1")
                    .param("o", before)
                    .update();
        }
    }
}
