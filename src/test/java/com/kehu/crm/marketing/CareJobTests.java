package com.kehu.crm.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.UserService;
import com.kehu.crm.order.PurchaseHistory;
import com.kehu.crm.support.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The care job's occasions per kind, its eligibility rules and its idempotence. Every run is limited to the test's
 * own customers, so the shared database's other customers get no tasks; assertions are per test item.
 */
@IntegrationTest
class CareJobTests {

    @Autowired
    CareJob job;

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
    CurrentUser rep1;

    @BeforeEach
    void setUp() {
        f = new CareFixtures(jdbc, users, userService, history, tx);
        rep1 = f.user("rep1");
    }

    int run(LocalDate today, Long... customers) {
        return job.run(today, List.of(customers), n -> {}).tasksCreated();
    }

    @Test
    void greetsAnIndividualOnTheirBirthdayCreatingTheTaskTheLeadDaysBeforeForTheOwner() {
        String title = CareFixtures.unique("生日问候");
        long item = f.item("VIP", CareKind.BIRTHDAY_GREETING, title, null, null, null, 3, true);
        String name = CareFixtures.unique("生日客户");
        long customer = f.customer(name, rep1.id(), "INDIVIDUAL", "VIP", "ACTUAL", "1980-03-10");

        run(LocalDate.of(2027, 3, 6), customer);
        assertThat(f.occasions(item, customer)).as("four days before: not yet").isEmpty();

        run(LocalDate.of(2027, 3, 7), customer);
        assertThat(f.occasions(item, customer)).containsExactly(LocalDate.of(2027, 3, 10));

        Map<String, Object> task = jdbc.sql("""
                        select a.type, a.subject, a.details, a.owner_id, a.customer_id, a.done, a.occurred_at
                        from care_task t join activity a on a.id = t.activity_id
                        where t.item_id = :item and t.customer_id = :customer""")
                .param("item", item)
                .param("customer", customer)
                .query()
                .singleRow();
        assertThat(task.get("type")).isEqualTo("TASK");
        assertThat((String) task.get("subject")).contains(title, name);
        assertThat((String) task.get("details")).contains("2027-03-10");
        assertThat(((Number) task.get("owner_id")).longValue()).isEqualTo(rep1.id());
        assertThat(task.get("done")).isEqualTo(false);
        assertThat(((java.sql.Timestamp) task.get("occurred_at")).toInstant())
                .isEqualTo(LocalDate.of(2027, 3, 10)
                        .atTime(9, 0)
                        .atZone(ZoneId.of("Asia/Shanghai"))
                        .toInstant());

        run(LocalDate.of(2027, 3, 8), customer);
        run(LocalDate.of(2027, 3, 10), customer);
        assertThat(f.occasions(item, customer)).as("once per occasion").hasSize(1);
    }

    @Test
    void greetsAnEnterprisesContactsOnTheirBirthdaysAcrossNewYearButNotThoseWhoAskedNotToBeContacted() {
        long item = f.item(
                "IMPORTANT", CareKind.BIRTHDAY_GREETING, CareFixtures.unique("联系人生日"), null, null, null, 5, true);
        long customer = f.customer(CareFixtures.unique("企业客户"), rep1.id(), "ENTERPRISE", "IMPORTANT", "ACTUAL", null);
        long dec31 = f.contact(customer, "张三", LocalDate.of(1975, 12, 31), false);
        long jan2 = f.contact(customer, "李四", LocalDate.of(1988, 1, 2), false);
        f.contact(customer, "王五", LocalDate.of(1970, 12, 31), true);
        f.contact(customer, "赵六", null, false);

        assertThat(run(LocalDate.of(2027, 12, 29), customer)).isGreaterThanOrEqualTo(2);

        List<Map<String, Object>> tasks =
                jdbc.sql("""
                        select t.contact_id, t.occasion_on, a.subject from care_task t
                        join activity a on a.id = t.activity_id
                        where t.item_id = :item order by t.occasion_on""").param("item", item).query().listOfRows();
        assertThat(tasks).hasSize(2);
        assertThat(((Number) tasks.get(0).get("contact_id")).longValue()).isEqualTo(dec31);
        assertThat(tasks.get(0).get("occasion_on")).isEqualTo(java.sql.Date.valueOf("2027-12-31"));
        assertThat((String) tasks.get(0).get("subject")).contains("张三");
        assertThat(((Number) tasks.get(1).get("contact_id")).longValue()).isEqualTo(jan2);
        assertThat(tasks.get(1).get("occasion_on")).isEqualTo(java.sql.Date.valueOf("2028-01-02"));
    }

    @Test
    void greetsOnAHolidayFromTheLeadTimeOnOnlyCustomersOfTheItemsTier() {
        long item = f.item("ORDINARY", CareKind.HOLIDAY_GREETING, CareFixtures.unique("春节问候"), 2, 6, null, 7, true);
        long ordinary = f.customer(CareFixtures.unique("普通客户"), rep1.id(), "ENTERPRISE", "ORDINARY", "TARGET", null);
        long vip = f.customer(CareFixtures.unique("贵宾客户"), rep1.id(), "ENTERPRISE", "VIP", "ACTUAL", null);

        run(LocalDate.of(2027, 1, 29), ordinary, vip);
        assertThat(f.occasions(item, ordinary)).as("eight days before").isEmpty();

        run(LocalDate.of(2027, 1, 30), ordinary, vip);
        assertThat(f.occasions(item, ordinary)).containsExactly(LocalDate.of(2027, 2, 6));
        assertThat(f.occasions(item, vip)).as("another tier").isEmpty();

        run(LocalDate.of(2027, 2, 7), ordinary, vip);
        assertThat(f.occasions(item, ordinary)).as("the day after: nothing new").hasSize(1);
    }

    @Test
    void visitsEveryNDaysStartingOnADaySpreadByCustomerAndNeverBefore() {
        long item = f.item("VIP", CareKind.PERIODIC_VISIT, CareFixtures.unique("定期拜访"), null, null, 10, 0, true);
        long customer = f.customer(CareFixtures.unique("拜访客户"), rep1.id(), "ENTERPRISE", "VIP", "ACTUAL", null);
        LocalDate start = LocalDate.of(2027, 5, 1);
        long phase = (ChronoUnit.DAYS.between(LocalDate.of(2000, 1, 1), start) + customer) % 10;
        LocalDate first = start.plusDays((10 - phase) % 10);

        for (LocalDate day = start; day.isBefore(start.plusDays(10)); day = day.plusDays(1)) {
            run(day, customer);
        }
        assertThat(f.occasions(item, customer))
                .as("one visit in the first ten days, on the customer's phase")
                .containsExactly(first);

        run(first.plusDays(9), customer);
        assertThat(f.occasions(item, customer)).as("nine days later: not yet").hasSize(1);
        run(first.plusDays(10), customer);
        assertThat(f.occasions(item, customer)).containsExactly(first, first.plusDays(10));

        run(first.plusDays(35), customer);
        assertThat(f.occasions(item, customer))
                .as("after a gap the next visit is today, not a backlog")
                .containsExactly(first, first.plusDays(10), first.plusDays(35));
    }

    @Test
    void firstVisitsOfManyCustomersSpreadOverTheInterval() {
        long item = f.item("VIP", CareKind.PERIODIC_CALL, CareFixtures.unique("电话回访"), null, null, 30, 0, true);
        Long[] customers = new Long[30];
        for (int i = 0; i < customers.length; i++) {
            customers[i] = f.customer(CareFixtures.unique("回访客户"), rep1.id(), "ENTERPRISE", "VIP", "ACTUAL", null);
        }
        run(LocalDate.of(2027, 6, 1), customers);
        long createdOnDayOne = jdbc.sql("select count(*) from care_task where item_id = :item")
                .param("item", item)
                .query(Long.class)
                .single();
        assertThat(createdOnDayOne).as("about one customer in 30, not all 30").isLessThan(5);
    }

    @Test
    void givesAGiftOnTheAnniversaryOfTheFirstPurchaseAndOnAMonthDay() {
        long anniversary = f.item("VIP", CareKind.GIFT, CareFixtures.unique("周年礼品"), null, null, null, 7, true);
        long midAutumn = f.item("VIP", CareKind.GIFT, CareFixtures.unique("中秋礼品"), 9, 25, null, 10, true);
        long customer = f.customer(CareFixtures.unique("礼品客户"), rep1.id(), "ENTERPRISE", "VIP", "ACTUAL", null);
        f.purchases(customer, rep1.id(), LocalDate.of(2025, 5, 20), LocalDate.of(2025, 8, 1));

        run(LocalDate.of(2025, 5, 14), customer);
        assertThat(f.occasions(anniversary, customer))
                .as("not on the first purchase itself")
                .isEmpty();

        run(LocalDate.of(2026, 5, 14), customer);
        assertThat(f.occasions(anniversary, customer)).containsExactly(LocalDate.of(2026, 5, 20));

        run(LocalDate.of(2026, 9, 15), customer);
        assertThat(f.occasions(midAutumn, customer)).containsExactly(LocalDate.of(2026, 9, 25));
    }

    @Test
    void inactiveItemsAndLostArchivedOrFlaggedCustomersGetNothing() {
        long inactive = f.item("VIP", CareKind.HOLIDAY_GREETING, CareFixtures.unique("停用"), 10, 1, null, 3, false);
        long active = f.item("VIP", CareKind.HOLIDAY_GREETING, CareFixtures.unique("国庆"), 10, 1, null, 3, true);
        long fine = f.customer(CareFixtures.unique("正常"), rep1.id(), "ENTERPRISE", "VIP", "ACTUAL", null);
        long lost = f.customer(CareFixtures.unique("流失"), rep1.id(), "ENTERPRISE", "VIP", "LOST", null);
        long archived = f.customer(CareFixtures.unique("归档"), rep1.id(), "ENTERPRISE", "VIP", "ACTUAL", null);
        long fraud = f.customer(CareFixtures.unique("欺诈"), rep1.id(), "ENTERPRISE", "VIP", "ACTUAL", null);
        jdbc.sql("update customer set archived = true, archived_at = now() where id = :id")
                .param("id", archived)
                .update();
        jdbc.sql("update customer set retention_flag = 'FRAUD' where id = :id")
                .param("id", fraud)
                .update();

        run(LocalDate.of(2027, 9, 29), fine, lost, archived, fraud);

        assertThat(f.occasions(inactive, fine)).isEmpty();
        assertThat(f.occasions(active, fine)).containsExactly(LocalDate.of(2027, 10, 1));
        assertThat(f.occasions(active, lost)).isEmpty();
        assertThat(f.occasions(active, archived)).isEmpty();
        assertThat(f.occasions(active, fraud)).isEmpty();
    }

    @Test
    void aCustomerOfADisabledOwnerGetsNoTask() {
        CurrentUser leaver = f.freshRep();
        long item = f.item("IMPORTANT", CareKind.HOLIDAY_GREETING, CareFixtures.unique("元旦"), 1, 1, null, 2, true);
        long customer = f.customer(CareFixtures.unique("离职客户"), leaver.id(), "ENTERPRISE", "IMPORTANT", "ACTUAL", null);
        jdbc.sql("update app_user set enabled = false where id = :id")
                .param("id", leaver.id())
                .update();

        run(LocalDate.of(2027, 12, 31), customer);

        assertThat(f.occasions(item, customer)).isEmpty();
    }

    @Test
    void twoRunsAtOnceAndAgainCreateEachTaskOnce() {
        long item = f.item("VIP", CareKind.HOLIDAY_GREETING, CareFixtures.unique("并发"), 6, 1, null, 5, true);
        Long[] customers = new Long[20];
        for (int i = 0; i < customers.length; i++) {
            customers[i] = f.customer(CareFixtures.unique("并发客户"), rep1.id(), "ENTERPRISE", "VIP", "ACTUAL", null);
        }
        LocalDate day = LocalDate.of(2027, 5, 30);

        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> run(day, customers));
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> run(day, customers));
        one.join();
        two.join();
        run(day, customers);

        Map<String, Object> counts = jdbc.sql("""
                        select count(*) as logged, count(distinct t.customer_id) as customers,
                               count(distinct a.id) as activities
                        from care_task t join activity a on a.id = t.activity_id where t.item_id = :item""").param("item", item).query().singleRow();
        assertThat(((Number) counts.get("logged")).intValue()).isEqualTo(20);
        assertThat(((Number) counts.get("customers")).intValue()).isEqualTo(20);
        assertThat(((Number) counts.get("activities")).intValue()).isEqualTo(20);
    }

    @Test
    void walksTheCustomersInBatchesReportingProgress() {
        long item = f.item("VIP", CareKind.HOLIDAY_GREETING, CareFixtures.unique("分批"), 3, 8, null, 0, true);
        Long[] customers = new Long[5];
        for (int i = 0; i < customers.length; i++) {
            customers[i] = f.customer(CareFixtures.unique("分批客户"), rep1.id(), "ENTERPRISE", "VIP", "ACTUAL", null);
        }
        List<Long> progress = new java.util.ArrayList<>();

        CareJob.Result result = job.run(LocalDate.of(2027, 3, 8), List.of(customers), progress::add);

        assertThat(result.customersExamined()).isEqualTo(5);
        assertThat(progress).isNotEmpty().last().isEqualTo(5L);
        assertThat(jdbc.sql("select count(*) from care_task where item_id = :item")
                        .param("item", item)
                        .query(Long.class)
                        .single())
                .isEqualTo(5);
    }
}
