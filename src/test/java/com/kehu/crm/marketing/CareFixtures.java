package com.kehu.crm.marketing;

import com.kehu.crm.identity.CreateUser;
import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.Role;
import com.kehu.crm.identity.UserService;
import com.kehu.crm.order.PurchaseHistory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Test data for care and reorder tests: customers, contacts, care items and orders with unique names. Built by the
 * tests from their autowired beans (not a bean itself, so it changes no test context).
 */
public class CareFixtures {

    private final JdbcClient jdbc;
    private final UserDetailsService users;
    private final UserService userService;
    private final PurchaseHistory history;
    private final TransactionTemplate tx;

    public CareFixtures(
            JdbcClient jdbc,
            UserDetailsService users,
            UserService userService,
            PurchaseHistory history,
            TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.users = users;
        this.userService = userService;
        this.history = history;
        this.tx = tx;
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public CurrentUser user(String username) {
        return ((CrmUserDetails) users.loadUserByUsername(username)).currentUser();
    }

    /** A rep of the East team (manager's) with nothing yet, so lists about them are exact. */
    public CurrentUser freshRep() {
        String username = "care" + UUID.randomUUID().toString().substring(0, 8);
        userService.create(new CreateUser(
                username, "关怀测试 " + username, Role.SALES_REP, user("rep1").teamId(), null, "Kehu-Test-Pass-2026!x"));
        return user(username);
    }

    public long customer(
            String name, long ownerId, String kind, String importance, String status, @Nullable String birthday) {
        long id = jdbc.sql("select nextval('customer_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into customer (id, code, kind, name, relation_category, importance, status, owner_id,
                                              profile)
                        values (:id, :code, :kind, :name, 'CONSUMER', :importance, :status, :owner,
                                cast(:profile as jsonb))""")
                .param("id", id)
                .param("code", "CARE-" + UUID.randomUUID().toString().substring(0, 12))
                .param("kind", kind)
                .param("name", name)
                .param("importance", importance)
                .param("status", status)
                .param("owner", ownerId)
                .param("profile", birthday == null ? "{}" : "{\"basic.birthday\": \"" + birthday + "\"}")
                .update();
        return id;
    }

    public long contact(long customerId, String name, @Nullable LocalDate birthday, boolean doNotContact) {
        long id = jdbc.sql("select nextval('contact_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into contact (id, customer_id, name, birthday, do_not_contact)
                        values (:id, :customer, :name, :birthday, :dnc)""")
                .param("id", id)
                .param("customer", customerId)
                .param("name", name)
                .param("birthday", birthday)
                .param("dnc", doNotContact)
                .update();
        return id;
    }

    /** A care item written directly (the service's rules are tested on their own). */
    public long item(
            String tier,
            CareKind kind,
            String title,
            @Nullable Integer month,
            @Nullable Integer day,
            @Nullable Integer intervalDays,
            int leadDays,
            boolean active) {
        long id = jdbc.sql("select nextval('care_item_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into care_item (id, tier, kind, title, holiday_name, occasion_month, occasion_day,
                                               interval_days, lead_days, active)
                        values (:id, :tier, :kind, :title, :holiday, :month, :day, :interval, :lead, :active)""")
                .param("id", id)
                .param("tier", tier)
                .param("kind", kind.name())
                .param("title", title)
                .param("holiday", kind == CareKind.HOLIDAY_GREETING ? "测试节" : null)
                .param("month", month)
                .param("day", day)
                .param("interval", intervalDays)
                .param("lead", leadDays)
                .param("active", active)
                .update();
        return id;
    }

    /** Completed orders on these dates, then the customer's purchase facts. */
    public void purchases(long customerId, long createdBy, LocalDate... dates) {
        for (LocalDate date : dates) {
            jdbc.sql("""
                            insert into sales_order (id, order_number, customer_id, order_date, currency, status,
                                                     total_amount, cost_amount, created_by)
                            values (nextval('sales_order_seq'), :number, :customer, :date, 'CNY', 'COMPLETED', :amount,
                                    :cost, :owner)""")
                    .param("number", "CT" + UUID.randomUUID().toString().substring(0, 12))
                    .param("customer", customerId)
                    .param("date", date)
                    .param("amount", new BigDecimal("100.00"))
                    .param("cost", new BigDecimal("60.00"))
                    .param("owner", createdBy)
                    .update();
        }
        tx.executeWithoutResult(s -> history.refresh(List.of(customerId)));
    }

    /** The care tasks of an item for a customer: occasion dates, oldest first. */
    public List<LocalDate> occasions(long itemId, long customerId) {
        return jdbc.sql("""
                        select occasion_on from care_task where item_id = :item and customer_id = :customer
                        order by occasion_on""")
                .param("item", itemId)
                .param("customer", customerId)
                .query(LocalDate.class)
                .list();
    }
}
