package com.kehu.crm.activity;

import static com.kehu.crm.support.IntegrationTest.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.kehu.crm.customer.CustomerNotFoundException;
import com.kehu.crm.customer.CustomerTimeline;
import com.kehu.crm.identity.CreateUser;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.Role;
import com.kehu.crm.identity.UserService;
import com.kehu.crm.sales.LeadService;
import com.kehu.crm.sales.LeadSource;
import com.kehu.crm.sales.NewLead;
import com.kehu.crm.sales.NewOpportunity;
import com.kehu.crm.sales.OpportunityData;
import com.kehu.crm.sales.OpportunityService;
import com.kehu.crm.sales.OpportunityType;
import com.kehu.crm.shared.time.BusinessCalendar;
import com.kehu.crm.shared.timeline.TimelineEntry;
import com.kehu.crm.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Activities end to end: record rules, leads, reminders, my day and the customer timeline. */
@IntegrationTest
class ActivityIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    UserService userService;

    @Autowired
    ActivityService activities;

    @Autowired
    ActivityQueries queries;

    @Autowired
    LeadService leads;

    @Autowired
    OpportunityService opportunities;

    @Autowired
    TaskReminders reminders;

    @Autowired
    MyDay myDay;

    @Autowired
    CustomerTimeline timeline;

    @Autowired
    BusinessCalendar day;

    @Autowired
    JdbcClient jdbc;

    CurrentUser user(String username) {
        return ((CrmUserDetails) users.loadUserByUsername(username)).currentUser();
    }

    RequestPostProcessor web(String username) {
        return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
    }

    /** A rep of the East team with nothing yet, so lists about them are exact. */
    CurrentUser freshRep() {
        String username = "act" + UUID.randomUUID().toString().substring(0, 8);
        userService.create(new CreateUser(
                username, "测试销售 " + username, Role.SALES_REP, user("rep1").teamId(), null, "Kehu-Test-Pass-2026!x"));
        return user(username);
    }

    long customerOf(String username) {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/customers")
                .with(httpBasic(username, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"沟通测试公司 " + UUID.randomUUID().toString().substring(0, 6) + "\"}")
                .exchange();
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return Long.parseLong(result.getResponse().getHeader("Location").replaceAll(".*/", ""));
    }

    long customerOwnedBy(CurrentUser owner) {
        long id = customerOf("rep1");
        jdbc.sql("update customer set owner_id = :owner where id = :id")
                .param("owner", owner.id())
                .param("id", id)
                .update();
        return id;
    }

    static ActivityData call(String subject, Instant at) {
        return new ActivityData(ActivityType.CALL, subject, "谈了价格", at, null, null, null, null);
    }

    static ActivityData task(String subject, Instant due, Instant remindAt) {
        return new ActivityData(ActivityType.TASK, subject, null, due, null, null, null, remindAt);
    }

    @Test
    void followsTheCustomersRecordRulesInScreensAndApi() {
        long customer = customerOf("rep1");
        long id = activities.create(customer, null, call("首次电话", Instant.now()), user("rep1"));

        assertThat(mvc.get().uri("/activities/" + id).with(web("rep3"))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/activities/" + id).with(httpBasic("rep3", PASSWORD)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.delete().uri("/api/v1/activities/" + id).with(httpBasic("rep3", PASSWORD)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/activities/for-customer/" + customer).with(web("rep3")))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(
                        mvc.post()
                                .uri("/api/v1/activities")
                                .with(httpBasic("rep3", PASSWORD))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"customerId\": " + customer
                                                + ", \"type\": \"CALL\", \"subject\": \"闯入\", \"occurredAt\": \"2026-01-05T02:00:00Z\"}"))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThatThrownBy(() -> activities.create(customer, null, call("闯入", Instant.now()), user("rep3")))
                .isInstanceOf(CustomerNotFoundException.class);
        assertThat(mvc.post()
                        .uri("/activities")
                        .with(web("rep3"))
                        .with(csrf())
                        .param("customerId", String.valueOf(customer))
                        .param("type", "CALL")
                        .param("subject", "闯入")
                        .param("occurredAt", "2026-01-05T10:00"))
                .hasStatus(HttpStatus.NOT_FOUND);

        assertThat(mvc.get().uri("/api/v1/activities/" + id).with(httpBasic("manager", PASSWORD)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.subject")
                .isEqualTo("首次电话");
        assertThat(mvc.get().uri("/api/v1/activities?customerId=" + customer).with(httpBasic("rep1", PASSWORD)))
                .bodyJson()
                .extractingPath("$.content[0].id")
                .asNumber()
                .isEqualTo((int) id);
        assertThat(mvc.get().uri("/api/v1/activities/" + id).with(httpBasic("agent1", PASSWORD)))
                .as("support agents do not use the sales activities API")
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.put()
                        .uri("/api/v1/activities/" + id)
                        .with(httpBasic("manager", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\": \"CALL\", \"subject\": \"经理改的\", \"occurredAt\": \"2026-01-05T02:00:00Z\","
                                + " \"version\": 0}"))
                .as("only the owner changes an activity")
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void checksThatContactAndDealBelongToTheCustomer() {
        long mine = customerOf("rep1");
        long other = customerOf("rep1");
        long deal = opportunities.open(
                new NewOpportunity(
                        other,
                        new OpportunityData(
                                "别家的单",
                                BigDecimal.TEN,
                                "CNY",
                                day.today(),
                                OpportunityType.NEW_BUSINESS,
                                null,
                                null,
                                null),
                        null,
                        null),
                user("rep1"));

        assertThatThrownBy(() -> activities.create(
                        mine,
                        null,
                        new ActivityData(ActivityType.CALL, "错配", null, Instant.now(), null, deal, null, null),
                        user("rep1")))
                .isInstanceOf(com.kehu.crm.sales.OpportunityNotFoundException.class);
        long ok = activities.create(
                null,
                null,
                new ActivityData(ActivityType.MEETING, "方案会", null, Instant.now(), null, deal, null, null),
                user("rep1"));
        assertThat(queries.details(ok, user("rep1")).customerId()).isEqualTo(other);
        assertThat(queries.forOpportunity(deal, 0, 20, user("rep1")).content())
                .extracting(ActivityRow::id)
                .containsExactly(ok);
    }

    @Test
    void loggingOnALeadIsAFollowUp() {
        CurrentUser rep = freshRep();
        long lead = leads.create(new NewLead("线索公司", "赵先生", null, null, LeadSource.WEB_FORM, null, true), rep);
        jdbc.sql("update lead set claimed_at = now() - interval '20 days' where id = :id")
                .param("id", lead)
                .update();

        activities.create(null, lead, call("电话跟进", Instant.now()), rep);

        var row = jdbc.sql("select status, last_follow_up_at from lead where id = :id")
                .param("id", lead)
                .query((rs, n) -> List.of(rs.getString(1), rs.getTimestamp(2).toInstant()))
                .single();
        assertThat(row.get(0)).isEqualTo("WORKING");
        assertThat((Instant) row.get(1)).isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
        assertThat(queries.forLead(lead, 0, 20, rep).content()).hasSize(1);
        assertThatThrownBy(() -> queries.forLead(lead, 0, 20, user("rep3")))
                .isInstanceOf(com.kehu.crm.sales.LeadNotFoundException.class);
    }

    @Test
    void sendsADueReminderOnce() {
        long customer = customerOf("rep1");
        long taskId = activities.create(
                customer,
                null,
                task(
                        "回访报价",
                        Instant.now().plus(1, ChronoUnit.HOURS),
                        Instant.now().minusSeconds(60)),
                user("rep1"));
        long later = activities.create(
                customer,
                null,
                task(
                        "下周回访",
                        Instant.now().plus(7, ChronoUnit.DAYS),
                        Instant.now().plus(6, ChronoUnit.DAYS)),
                user("rep1"));

        reminders.sendDueReminders();
        reminders.sendDueReminders();

        assertThat(notificationsFor("task-reminder:" + taskId)).isEqualTo(1);
        assertThat(notificationsFor("task-reminder:" + later)).isZero();
        assertThat(jdbc.sql("select message_key from notification where dedup_key = :k")
                        .param("k", "task-reminder:" + taskId)
                        .query(String.class)
                        .single())
                .isEqualTo("task.reminder.notification");
    }

    @Test
    void myDayShowsWhatIsDue() {
        CurrentUser rep = freshRep();
        long customer = customerOwnedBy(rep);
        long quiet = customerOwnedBy(rep);
        Instant now = day.now();
        long overdue = activities.create(customer, null, task("逾期任务", now.minus(2, ChronoUnit.DAYS), null), rep);
        long nextWeek = activities.create(customer, null, task("下周任务", now.plus(8, ChronoUnit.DAYS), null), rep);
        long due = activities.create(
                quiet,
                null,
                new ActivityData(
                        ActivityType.VISIT,
                        "上门拜访",
                        null,
                        now.minus(10, ChronoUnit.DAYS),
                        null,
                        null,
                        day.today().minusDays(1),
                        null),
                rep);
        long superseded = activities.create(
                customer,
                null,
                new ActivityData(
                        ActivityType.CALL,
                        "旧的跟进",
                        null,
                        now.minus(10, ChronoUnit.DAYS),
                        null,
                        null,
                        day.today().minusDays(2),
                        null),
                rep);
        activities.create(customer, null, call("后来又打了电话", now.minus(1, ChronoUnit.DAYS)), rep);

        long returning = leads.create(new NewLead("快回公海公司", "钱女士", null, null, LeadSource.PHONE, null, true), rep);
        long fresh = leads.create(new NewLead("刚领的公司", "孙先生", null, null, LeadSource.PHONE, null, true), rep);
        jdbc.sql("update lead set claimed_at = now() - interval '28 days' where id = :id")
                .param("id", returning)
                .update();

        long closing = openDeal(customer, "本月签约", day.today(), rep);
        openDeal(customer, "下月签约", day.today().plusMonths(1).withDayOfMonth(1), rep);

        MyDay.Agenda agenda = myDay.of(rep);

        assertThat(agenda.overdueTasks()).extracting(ActivityRow::id).containsExactly(overdue);
        assertThat(agenda.todaysTasks()).extracting(ActivityRow::id).doesNotContain(nextWeek);
        assertThat(agenda.followUpsDue())
                .extracting(ActivityRow::id)
                .containsExactly(due)
                .doesNotContain(superseded);
        assertThat(agenda.leadsAboutToReturn())
                .extracting(l -> l.id())
                .containsExactly(returning)
                .doesNotContain(fresh);
        assertThat(agenda.dealsClosingThisMonth()).extracting(d -> d.id()).containsExactly(closing);
        assertThat(agenda.dealsClosingThisMonth().get(0).amount()).isEqualByComparingTo("88000.00");

        assertThat(mvc.get().uri("/my-day").with(web(rep.username())))
                .hasStatusOk()
                .bodyText()
                .contains("逾期任务", "上门拜访", "快回公海公司", "本月签约")
                .doesNotContain("下月签约", "刚领的公司");
    }

    @Test
    void theTimelineMergesActivitiesAndStatusChangesAndPagesWithoutDuplicates() {
        long customer = customerOf("rep1");
        Instant base = Instant.parse("2025-06-01T08:00:00Z");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(activities.create(
                    customer, null, call("第" + i + "次沟通", base.plus(i, ChronoUnit.HOURS)), user("rep1")));
        }
        activities.create(customer, null, task("未完成的任务", base.plus(30, ChronoUnit.DAYS), null), user("rep1"));

        List<TimelineEntry> all = new ArrayList<>();
        Instant before = null;
        int pages = 0;
        do {
            CustomerTimeline.Page page = timeline.page(customer, before, 3, user("rep1"));
            all.addAll(page.entries());
            before = page.nextBefore();
            pages++;
        } while (before != null && pages < 10);

        assertThat(all)
                .extracting(TimelineEntry::at)
                .doesNotHaveDuplicates()
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(all).filteredOn(e -> e.kind().equals("activity")).hasSize(7);
        assertThat(all)
                .filteredOn(e -> e.kind().equals("status"))
                .as("the status set at registration")
                .hasSize(1);
        assertThat(all)
                .filteredOn(e -> e.kind().equals("activity"))
                .extracting(TimelineEntry::link)
                .doesNotContainNull()
                .as("the open task is a plan, not on the timeline")
                .hasSize(7)
                .contains("/activities/" + ids.get(6));

        assertThat(mvc.get()
                        .uri("/customers/" + customer + "/timeline")
                        .with(web("agent1"))
                        .header("HX-Request", "true"))
                .as("support reads the timeline but cannot log sales activities")
                .hasStatusOk()
                .bodyText()
                .contains("第6次沟通")
                .doesNotContain("log-activity", "<footer");
        assertThat(mvc.get().uri("/customers/" + customer + "/timeline").with(web("rep1")))
                .bodyText()
                .contains("log-activity", "第0次沟通")
                .as("eight entries fit on one page")
                .doesNotContain("timeline-more");
        assertThat(mvc.get().uri("/customers/" + customer + "/timeline").with(web("rep3")))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/activities/new?customerId=" + customer).with(web("agent1")))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void marksTasksDoneThroughTheApiOnlyForTheOwner() {
        long customer = customerOf("rep1");
        long taskId = activities.create(customer, null, task("准备合同", Instant.now(), null), user("rep1"));

        assertThat(mvc.post().uri("/api/v1/activities/" + taskId + "/done").with(httpBasic("rep2", PASSWORD)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/api/v1/activities/" + taskId + "/done").with(httpBasic("rep1", PASSWORD)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.done")
                .isEqualTo(true);
        assertThat(mvc.get()
                        .uri("/api/v1/activities?openTasks=true&customerId=" + customer)
                        .with(httpBasic("rep1", PASSWORD)))
                .bodyJson()
                .extractingPath("$.content")
                .asArray()
                .isEmpty();
    }

    private long openDeal(long customer, String name, java.time.LocalDate close, CurrentUser rep) {
        return opportunities.open(
                new NewOpportunity(
                        customer,
                        new OpportunityData(
                                name,
                                new BigDecimal("88000"),
                                "CNY",
                                close,
                                OpportunityType.NEW_BUSINESS,
                                null,
                                null,
                                null),
                        null,
                        null),
                rep);
    }

    private int notificationsFor(String dedupKey) {
        return jdbc.sql("select count(*) from notification where dedup_key = :k")
                .param("k", dedupKey)
                .query(Integer.class)
                .single();
    }

    private static org.assertj.core.data.TemporalUnitOffset within(Duration d) {
        return new org.assertj.core.data.TemporalUnitWithinOffset(d.toSeconds(), ChronoUnit.SECONDS);
    }
}
