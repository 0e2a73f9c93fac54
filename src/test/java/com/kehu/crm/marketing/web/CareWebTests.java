package com.kehu.crm.marketing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.kehu.crm.activity.ActivityService;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.UserService;
import com.kehu.crm.marketing.CareFixtures;
import com.kehu.crm.marketing.CareJob;
import com.kehu.crm.marketing.CareKind;
import com.kehu.crm.marketing.CareRuns;
import com.kehu.crm.order.PurchaseHistory;
import com.kehu.crm.support.IntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/** The care page: who reads and who changes the programmes, the item rules, the task list's record rules. */
@IntegrationTest
class CareWebTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    CareJob job;

    @Autowired
    CareRuns runs;

    @Autowired
    ActivityService activities;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    UserService userService;

    @Autowired
    PurchaseHistory history;

    @Autowired
    TransactionTemplate tx;

    CareFixtures f;

    @BeforeEach
    void setUp() {
        f = new CareFixtures(jdbc, users, userService, history, tx);
    }

    RequestPostProcessor web(String username) {
        return user(users.loadUserByUsername(username));
    }

    long itemByTitle(String title) {
        return jdbc.sql("select id from care_item where title = :title")
                .param("title", title)
                .query(Long.class)
                .single();
    }

    @Test
    void sellersAndMarketersReadTheProgrammeAndOnlyManagersChangeIt() {
        assertThat(mvc.get().uri("/care").with(web("rep1")))
                .hasStatusOk()
                .bodyText()
                .contains("定期拜访", "生日问候")
                .doesNotContain("care-run-now");
        assertThat(mvc.get().uri("/care").with(web("marketer1"))).hasStatusOk();
        assertThat(mvc.get().uri("/care").with(web("manager")))
                .hasStatusOk()
                .bodyText()
                .contains("care-run-now", "new-care-item");
        assertThat(mvc.get().uri("/care").with(web("agent1"))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/care")).hasStatus(HttpStatus.FOUND);

        String title = CareFixtures.unique("代表新增");
        assertThat(mvc.get().uri("/care/items/new").with(web("rep1"))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/care/items")
                        .with(web("rep1"))
                        .with(csrf())
                        .param("tier", "VIP")
                        .param("kind", "GIFT")
                        .param("title", title)
                        .param("leadDays", "3"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/care/items")
                        .with(web("marketer1"))
                        .with(csrf())
                        .param("tier", "VIP")
                        .param("kind", "GIFT")
                        .param("title", title)
                        .param("leadDays", "3"))
                .hasStatus(HttpStatus.FORBIDDEN);
        long existing = f.item("VIP", CareKind.GIFT, CareFixtures.unique("礼"), null, null, null, 3, true);
        assertThat(mvc.post()
                        .uri("/care/items/" + existing + "/deactivate")
                        .with(web("rep1"))
                        .with(csrf()))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/care/run").with(web("rep1")).with(csrf())).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(jdbc.sql("select count(*) from care_item where title = :t")
                        .param("t", title)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aManagerAddsEditsAndDeactivatesItemsWithMessagesNextToBadFields() {
        String title = CareFixtures.unique("中秋问候");
        assertThat(mvc.post()
                        .uri("/care/items")
                        .with(web("manager"))
                        .with(csrf())
                        .param("tier", "IMPORTANT")
                        .param("kind", "HOLIDAY_GREETING")
                        .param("title", title)
                        .param("occasionMonth", "4")
                        .param("occasionDay", "31")
                        .param("leadDays", "3")
                        .header("Accept-Language", "zh-CN"))
                .hasStatusOk()
                .bodyText()
                .contains("请填写节日名称。", "请输入该月存在的日期。");
        assertThat(mvc.post()
                        .uri("/care/items")
                        .with(web("manager"))
                        .with(csrf())
                        .param("tier", "IMPORTANT")
                        .param("kind", "PERIODIC_CALL")
                        .param("title", title)
                        .param("leadDays", "99"))
                .hasStatusOk()
                .bodyText()
                .contains("Enter an interval between 7 and 730 days.", "The value is too large.");
        assertThat(jdbc.sql("select count(*) from care_item where title = :t")
                        .param("t", title)
                        .query(Long.class)
                        .single())
                .as("nothing saved")
                .isZero();

        assertThat(mvc.post()
                        .uri("/care/items")
                        .with(web("manager"))
                        .with(csrf())
                        .param("tier", "IMPORTANT")
                        .param("kind", "HOLIDAY_GREETING")
                        .param("title", title)
                        .param("holidayName", "中秋节")
                        .param("occasionMonth", "9")
                        .param("occasionDay", "25")
                        .param("leadDays", "3")
                        .param("active", "true"))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/care");
        long id = itemByTitle(title);

        assertThat(mvc.get().uri("/care/items/" + id).with(web("manager")))
                .hasStatusOk()
                .bodyText()
                .contains(title, "中秋节");
        assertThat(mvc.post()
                        .uri("/care/items/" + id)
                        .with(web("admin"))
                        .with(csrf())
                        .param("version", "0")
                        .param("tier", "IMPORTANT")
                        .param("kind", "HOLIDAY_GREETING")
                        .param("title", title)
                        .param("holidayName", "中秋节")
                        .param("occasionMonth", "10")
                        .param("occasionDay", "6")
                        .param("leadDays", "5")
                        .param("active", "true"))
                .hasStatus(HttpStatus.FOUND);
        assertThat(jdbc.sql("select occasion_month * 100 + occasion_day from care_item where id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1006);

        assertThat(mvc.post()
                        .uri("/care/items/" + id + "/deactivate")
                        .with(web("manager"))
                        .with(csrf()))
                .hasStatus(HttpStatus.FOUND);
        assertThat(jdbc.sql("select active from care_item where id = :id")
                        .param("id", id)
                        .query(Boolean.class)
                        .single())
                .isFalse();
        assertThat(mvc.get().uri("/care/items/987654321").with(web("manager"))).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void aStaleEditShowsTheConflictAndKeepsTheUsersInput() {
        long id = f.item("VIP", CareKind.PERIODIC_VISIT, CareFixtures.unique("拜访"), null, null, 30, 3, true);
        jdbc.sql("update care_item set title = '别人改过的标题', version = version + 1 where id = :id")
                .param("id", id)
                .update();

        assertThat(mvc.post()
                        .uri("/care/items/" + id)
                        .with(web("manager"))
                        .with(csrf())
                        .param("version", "0")
                        .param("tier", "VIP")
                        .param("kind", "PERIODIC_VISIT")
                        .param("title", "我的新标题")
                        .param("intervalDays", "45")
                        .param("leadDays", "3")
                        .param("active", "true")
                        .header("Accept-Language", "zh-CN"))
                .hasStatusOk()
                .bodyText()
                .contains("care-item-conflict", "别人改过的标题", "我的新标题", "45");
        assertThat(jdbc.sql("select title from care_item where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("别人改过的标题");
    }

    @Test
    void theTaskListFollowsTheCustomersRecordRulesAndShowsWhatWasDone() {
        CurrentUser rep = f.freshRep();
        String title = CareFixtures.unique("劳动节问候");
        long item = f.item("IMPORTANT", CareKind.HOLIDAY_GREETING, title, 5, 1, null, 2, true);
        String doneName = CareFixtures.unique("已关怀客户");
        String openName = CareFixtures.unique("待关怀客户");
        long done = f.customer(doneName, rep.id(), "ENTERPRISE", "IMPORTANT", "ACTUAL", null);
        long open = f.customer(openName, rep.id(), "ENTERPRISE", "IMPORTANT", "ACTUAL", null);
        job.run(LocalDate.of(2026, 4, 30), List.of(done, open), n -> {});
        long activity = jdbc.sql("select activity_id from care_task where item_id = :item and customer_id = :c")
                .param("item", item)
                .param("c", done)
                .query(Long.class)
                .single();
        activities.markDone(activity, rep);

        assertThat(mvc.get().uri("/tasks").with(web(rep.username())))
                .as("care tasks are the owner's tasks")
                .hasStatusOk()
                .bodyText()
                .contains(openName);
        assertThat(mvc.get().uri("/care?itemId=" + item).with(web(rep.username())))
                .hasStatusOk()
                .bodyText()
                .contains(doneName, openName);
        assertThat(mvc.get().uri("/care?state=DONE&itemId=" + item).with(web(rep.username())))
                .hasStatusOk()
                .bodyText()
                .contains(doneName)
                .doesNotContain(openName);
        assertThat(mvc.get().uri("/care?state=OVERDUE&itemId=" + item).with(web(rep.username())))
                .as("due 1 May 2026, long past")
                .hasStatusOk()
                .bodyText()
                .contains(openName)
                .doesNotContain(doneName);
        assertThat(mvc.get().uri("/care?itemId=" + item).with(web("manager")))
                .hasStatusOk()
                .bodyText()
                .contains(doneName);
        assertThat(mvc.get().uri("/care?itemId=" + item).with(web("marketer1")))
                .hasStatusOk()
                .bodyText()
                .contains(doneName);
        assertThat(mvc.get().uri("/care?itemId=" + item).with(web("rep1")))
                .hasStatusOk()
                .bodyText()
                .doesNotContain(doneName, openName);
        assertThat(mvc.get().uri("/care?itemId=" + item).with(web("rep3")))
                .hasStatusOk()
                .bodyText()
                .doesNotContain(doneName, openName);
        assertThat(mvc.get().uri("/care?itemId=" + item).with(web("manager2")))
                .hasStatusOk()
                .bodyText()
                .doesNotContain(doneName, openName);
    }

    @Test
    void aManagerRunsTheJobInTheBackgroundAndSeesItsProgress() {
        assertThat(mvc.post().uri("/care/run").with(web("manager")).with(csrf()))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/care");
        assertThat(runs.awaitIdle(Duration.ofMinutes(2))).isTrue();
        CareRuns.Progress progress = runs.latest();
        assertThat(progress).isNotNull();
        assertThat(progress.state()).isEqualTo(CareRuns.State.DONE);
        assertThat(progress.percent()).isEqualTo(100);
        assertThat(mvc.get().uri("/care/run").with(web("manager")))
                .hasStatusOk()
                .bodyText()
                .contains("care-run-status");
        assertThat(mvc.get().uri("/care/run").with(web("rep1"))).hasStatus(HttpStatus.FORBIDDEN);
    }
}
