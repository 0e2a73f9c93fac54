package com.kehu.crm.marketing;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Customers, orders and campaigns for the campaign tests, with unique names (the test database is shared). */
record CampaignTestData(JdbcClient jdbc, UserDetailsService users, CampaignService campaigns) {

    CurrentUser user(String username) {
        return ((CrmUserDetails) users.loadUserByUsername(username)).currentUser();
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    long customer(String name) {
        return jdbc.sql("""
                        insert into customer (id, code, kind, name, phone, phone_digits, email, region,
                                              relation_category, importance, status, owner_id)
                        values (nextval('customer_seq'), :code, 'ENTERPRISE', :name, null, null, null, 'EAST', 'B2B',
                                'ORDINARY', 'TARGET', (select id from app_user where username = 'rep1'))
                        returning id""")
                .param(
                        "code",
                        "CT" + UUID.randomUUID().toString().substring(0, 10).toUpperCase())
                .param("name", name)
                .query(Long.class)
                .single();
    }

    String codeOf(long customer) {
        return jdbc.sql("select code from customer where id = :id")
                .param("id", customer)
                .query(String.class)
                .single();
    }

    long order(long customer, LocalDate on, String status, String total, String cost) {
        return jdbc.sql("""
                        insert into sales_order (id, order_number, customer_id, order_date, currency, status,
                                                 total_amount, cost_amount, paid_amount, created_by)
                        values (nextval('sales_order_seq'), :number, :customer, :on, 'CNY', :status, :total, :cost, 0,
                                (select id from app_user where username = 'rep1'))
                        returning id""")
                .param("number", "CT-" + UUID.randomUUID())
                .param("customer", customer)
                .param("on", on)
                .param("status", status)
                .param("total", new BigDecimal(total))
                .param("cost", new BigDecimal(cost))
                .query(Long.class)
                .single();
    }

    long campaign(String name, int attributionDays) {
        CurrentUser marketer = user("marketer1");
        return campaigns.create(
                new CampaignData(
                        unique(name),
                        CampaignType.EMAIL,
                        null,
                        marketer.id(),
                        LocalDate.of(2025, 1, 1),
                        LocalDate.of(2025, 12, 31),
                        new BigDecimal("10000"),
                        attributionDays,
                        null,
                        null,
                        null,
                        null),
                marketer);
    }

    /** Adds the customer to the campaign and records a response on {@code touched}. */
    long touch(long campaign, long customer, LocalDate touched) {
        CurrentUser marketer = user("marketer1");
        long member = campaigns.addCustomer(campaign, customer, marketer);
        campaigns.respond(campaign, member, CampaignMemberStatus.SENT, touched, marketer);
        return member;
    }
}
