package com.kehu.crm.marketing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test customers and purchase facts written straight into the tables (as the bulk loader does), so each test can shape
 * exactly the rows a criterion must pick or leave out. Every customer carries the test's own tag.
 */
final class SegmentFixtures {

    private final JdbcClient jdbc;

    SegmentFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String uniqueTag() {
        return "seg-" + UUID.randomUUID().toString().substring(0, 8);
    }

    Customer customer(String tag) {
        return new Customer(tag);
    }

    long userId(String username) {
        return jdbc.sql("select id from app_user where username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }

    /** Purchase facts for a customer, as order.PurchaseHistory keeps them. */
    void purchase(long customerId, int days, LocalDate last, @Nullable Integer medianDays, String total) {
        jdbc.sql("""
                        insert into customer_purchase (customer_id, completed_orders, purchase_days, first_order_on,
                            last_order_on, total_amount, total_margin, median_interval_days, next_expected_on, refreshed_at)
                        values (:id, :days, :days, :first, :last, :total, 0, :median, :next, now())""")
                .param("id", customerId)
                .param("days", days)
                .param("first", medianDays == null ? last : last.minusDays((long) medianDays * (days - 1)))
                .param("last", last)
                .param("total", new BigDecimal(total))
                .param("median", medianDays == null ? null : new BigDecimal(medianDays))
                .param("next", medianDays == null ? null : last.plusDays(medianDays))
                .update();
    }

    final class Customer {
        private String name;
        private String kind = "ENTERPRISE";
        private String status = "ACTUAL";
        private String importance = "ORDINARY";
        private @Nullable String industry;
        private @Nullable String region;
        private @Nullable String source;
        private @Nullable String phone = "021-5555 0000";
        private @Nullable String email;
        private @Nullable String address = "上海市某路 1 号";
        private String owner = "rep1";
        private final List<String> tags = new ArrayList<>();
        private String profile = "{}";
        private boolean archived;
        private @Nullable String retentionFlag;

        Customer(String tag) {
            this.name = "细分测试 " + tag + " " + UUID.randomUUID().toString().substring(0, 6);
            this.tags.add(tag);
        }

        Customer name(String value) {
            name = value;
            return this;
        }

        Customer kind(String value) {
            kind = value;
            return this;
        }

        Customer status(String value) {
            status = value;
            return this;
        }

        Customer importance(String value) {
            importance = value;
            return this;
        }

        Customer industry(String value) {
            industry = value;
            return this;
        }

        Customer region(String value) {
            region = value;
            return this;
        }

        Customer source(String value) {
            source = value;
            return this;
        }

        Customer email(String value) {
            email = value;
            return this;
        }

        Customer address(String value) {
            address = value;
            return this;
        }

        Customer owner(String username) {
            owner = username;
            return this;
        }

        Customer tag(String value) {
            tags.add(value);
            return this;
        }

        Customer profile(String json) {
            profile = json;
            return this;
        }

        Customer archived() {
            archived = true;
            return this;
        }

        Customer flagged(String flag) {
            retentionFlag = flag;
            return this;
        }

        long insert() {
            // a raw sequence value is never among the ids Hibernate's pooled optimizer hands out (see
            // CustomerBulkLoader)
            long id =
                    jdbc.sql("select nextval('customer_seq')").query(Long.class).single();
            jdbc.sql("""
                            insert into customer (id, code, kind, name, phone, phone_digits, email, address, region,
                                industry, source, relation_category, importance, status, owner_id, tags, profile,
                                archived, archived_at, retention_flag)
                            values (:id, :code, :kind, :name, :phone, :digits, :email, :address, :region, :industry,
                                :source, 'B2B', :importance, :status, (select id from app_user where username = :owner),
                                array[:tags]::text[], cast(:profile as jsonb), :archived,
                                case when :archived then now() end, :flag)""")
                    .param("id", id)
                    .param("code", "SEG" + id)
                    .param("kind", kind)
                    .param("name", name)
                    .param("phone", phone)
                    .param("digits", phone == null ? null : phone.replaceAll("\\D", ""))
                    .param("email", email)
                    .param("address", address)
                    .param("region", region)
                    .param("industry", industry)
                    .param("source", source)
                    .param("importance", importance)
                    .param("status", status)
                    .param("owner", owner)
                    .param("tags", tags)
                    .param("profile", profile)
                    .param("archived", archived)
                    .param("flag", retentionFlag)
                    .update();
            return id;
        }
    }
}
