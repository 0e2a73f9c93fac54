package com.kehu.crm.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.support.IntegrationTest;
import com.kehu.crm.support.StatementCounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** A segment's customer page costs the same number of statements whatever its size: no N+1 from owners or tags. */
@IntegrationTest
@Import(StatementCounter.Config.class)
class SegmentQueryCountTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    SegmentService service;

    long segment;
    CrmUserDetails marketer;

    @BeforeEach
    void createASegmentOfSixtyCustomersOfThreeOwners() {
        SegmentFixtures fixtures = new SegmentFixtures(jdbc);
        String tag = SegmentFixtures.uniqueTag();
        for (int i = 0; i < 60; i++) {
            long id = fixtures.customer(tag)
                    .owner(i % 3 == 0 ? "rep1" : i % 3 == 1 ? "rep2" : "rep3")
                    .tag("t" + i)
                    .insert();
            if (i % 2 == 0) {
                fixtures.purchase(id, 2, java.time.LocalDate.of(2026, 1, 1), 30, "100");
            }
        }
        marketer = (CrmUserDetails) users.loadUserByUsername("marketer1");
        segment = service.create(
                new SegmentData(
                        "计数 " + tag,
                        null,
                        SegmentCriteriaConverter.read("{\"tags\": [\"" + tag + "\"], \"minSpend\": 0}")),
                marketer.currentUser());
    }

    @Test
    void theCustomerPageHasAConstantNumberOfStatements() {
        int small = statementsFor("/segments/" + segment + "?size=5&page=1");
        int large = statementsFor("/segments/" + segment + "?size=25&page=0");

        assertThat(large).isEqualTo(small);
        // the segment, its count, the page, open campaigns, recent snapshots, plus Spring Session's statements
        assertThat(large).isLessThanOrEqualTo(8);
    }

    private int statementsFor(String uri) {
        StatementCounter.reset();
        assertThat(mvc.get().uri(uri).with(user(marketer))).hasStatusOk();
        return StatementCounter.count();
    }
}
