package com.kehu.crm.dataio;

import static com.kehu.crm.support.IntegrationTest.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.kehu.crm.shared.merge.CustomerMergeParticipant;
import com.kehu.crm.support.IntegrationTest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

/** Merging two customers through the API: every related record moves, in one transaction, within the record rules. */
@IntegrationTest
class MergeIntegrationTests {

    /** References to customer that intentionally stay with the merged (archived) customer, and why. */
    static final Set<String> KEPT_WITH_MERGED = Set.of(
            "customer", // merged_into_id: the merged customer points at the kept one
            "customer_status_change", // the merged customer's own status history
            "customer_duplicate_candidate"); // pairs of the merged customer are dropped by the merge

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    List<CustomerMergeParticipant> participants;

    long userId(String username) {
        return jdbc.sql("select id from app_user where username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }

    long customer(String name, String owner, String region, String phone, String email) {
        long id = jdbc.sql("select nextval('customer_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into customer (id, code, kind, name, phone, phone_digits, email, region, relation_category,
                                              importance, status, owner_id, tags)
                        values (:id, :code, 'ENTERPRISE', :name, :phone, :digits, :email, :region, 'B2B', 'ORDINARY',
                                'POTENTIAL', :owner, array['t-' || :id])""")
                .param("id", id)
                .param("code", "M" + UUID.randomUUID().toString().substring(0, 12))
                .param("name", name)
                .param("phone", phone)
                .param("digits", phone == null ? null : phone.replaceAll("\\D", ""))
                .param("email", email)
                .param("region", region)
                .param("owner", userId(owner))
                .update();
        return id;
    }

    long next(String sequence) {
        return jdbc.sql("select nextval('" + sequence + "')").query(Long.class).single();
    }

    long campaign(long owner) {
        long id = next("campaign_seq");
        jdbc.sql("""
                        insert into campaign (id, name, type, owner_id, status, start_on, end_on, budget, currency,
                                              attribution_days, created_by)
                        values (:id, 'merge test ' || :id, 'EVENT', :owner, 'ACTIVE', current_date, current_date, 0, 'CNY',
                                30, :owner)""").param("id", id).param("owner", owner).update();
        return id;
    }

    void member(long campaign, long customer, String status, long by) {
        jdbc.sql("""
                        insert into campaign_member (id, campaign_id, member_type, customer_id, status, added_by, added_at)
                        values (nextval('campaign_member_seq'), :c, 'CUSTOMER', :cust, :status, :by, now())""")
                .param("c", campaign)
                .param("cust", customer)
                .param("status", status)
                .param("by", by)
                .update();
    }

    /** One of every kind of record that belongs to a customer. */
    void relatedRecords(long customer, long owner, long sharedCampaign, String sharedStatus) {
        long contact = next("contact_seq");
        jdbc.sql("insert into contact (id, customer_id, name) values (:id, :c, '联系人')")
                .param("id", contact)
                .param("c", customer)
                .update();
        jdbc.sql("""
                        insert into lead (id, contact_name, source, status, converted_customer_id)
                        values (nextval('lead_seq'), '线索', 'REFERRAL', 'CONVERTED', :c)""").param("c", customer).update();
        jdbc.sql("""
                        insert into opportunity (id, customer_id, name, amount, currency, expected_close_date, type,
                                                 owner_id, stage, probability, stage_changed_at)
                        values (nextval('opportunity_seq'), :c, '商机', 100, 'CNY', current_date, 'NEW_BUSINESS', :o,
                                'PROSPECTING', 10, now())""").param("c", customer).param("o", owner).update();
        long order = next("sales_order_seq");
        jdbc.sql("""
                        insert into sales_order (id, order_number, customer_id, order_date, currency, status, created_by,
                                                 total_amount, paid_amount)
                        values (:id, 'MO' || :id, :c, current_date, 'CNY', 'COMPLETED', :o, 100, 50)""").param("id", order).param("c", customer).param("o", owner).update();
        jdbc.sql("""
                        insert into order_status_change (id, order_id, customer_id, to_status, changed_at)
                        values (nextval('order_status_change_seq'), :id, :c, 'COMPLETED', now())""").param("id", order).param("c", customer).update();
        jdbc.sql("""
                        insert into payment (id, order_id, customer_id, amount, paid_on, method, recorded_by, recorded_at)
                        values (nextval('payment_seq'), :id, :c, 50, current_date, 'CASH', :o, now())""").param("id", order).param("c", customer).param("o", owner).update();
        jdbc.sql("""
                        insert into ticket (id, number, customer_id, channel, type, category_id, priority, subject, status,
                                            first_response_due_at, resolution_due_at)
                        values (nextval('ticket_seq'), 'MT' || nextval('ticket_number_seq'), :c, 'PHONE', 'INQUIRY',
                                (select min(id) from ticket_category), 'NORMAL', '工单', 'NEW', now(), now())""").param("c", customer).update();
        jdbc.sql("""
                        insert into call_record (id, direction, phone, phone_digits, agent_id, started_at, outcome, customer_id)
                        values (nextval('call_record_seq'), 'INBOUND', '123', '123', :o, now(), 'ANSWERED', :c)""").param("c", customer).param("o", owner).update();
        jdbc.sql("""
                        insert into activity (id, type, subject, occurred_at, owner_id, created_by, customer_id)
                        values (nextval('activity_seq'), 'NOTE', '备注', now(), :o, :o, :c)""").param("c", customer).param("o", owner).update();
        jdbc.sql("""
                        insert into survey_invitation (id, token_hash, customer_id, expires_at, order_id)
                        values (nextval('survey_invitation_seq'), sha256(convert_to(gen_random_uuid()::text, 'UTF8')), :c,
                                now() + interval '7 days', :order)""").param("c", customer).param("order", order).update();
        member(campaign(owner), customer, "SENT", owner);
        member(sharedCampaign, customer, sharedStatus, owner);
        jdbc.sql("""
                        insert into care_task (id, item_id, customer_id, occasion_on, owner_id, created_at)
                        values (nextval('care_task_seq'), (select min(id) from care_item), :c, current_date, :o, now())""").param("c", customer).param("o", owner).update();
        jdbc.sql("update customer set completed_orders = 1 where id = :c")
                .param("c", customer)
                .update();
    }

    int count(String table, String column, long customer) {
        return jdbc.sql("select count(*) from " + table + " where " + column + " = :c")
                .param("c", customer)
                .query(Integer.class)
                .single();
    }

    MvcTestResult merge(String username, long keep, long mergeId, String fields) {
        return mvc.post()
                .uri("/api/v1/customers/{id}/merge", keep)
                .with(httpBasic(username, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"mergeId\": %d, \"keepVersion\": 0, \"mergeVersion\": 0, \"fields\": %s}"
                        .formatted(mergeId, fields))
                .exchange();
    }

    static final List<String[]> REFERENCES = List.of(
            new String[] {"contact", "customer_id"},
            new String[] {"lead", "converted_customer_id"},
            new String[] {"opportunity", "customer_id"},
            new String[] {"sales_order", "customer_id"},
            new String[] {"order_status_change", "customer_id"},
            new String[] {"payment", "customer_id"},
            new String[] {"ticket", "customer_id"},
            new String[] {"call_record", "customer_id"},
            new String[] {"activity", "customer_id"},
            new String[] {"survey_invitation", "customer_id"},
            new String[] {"campaign_member", "customer_id"},
            new String[] {"care_task", "customer_id"},
            new String[] {"customer_purchase", "customer_id"});

    @Test
    void mergeMovesEveryRelatedRecordKeepsChosenFieldsAndIsAudited() {
        long rep1 = userId("rep1");
        long keep = customer("合并保留公司", "rep1", "EAST", "021-5550001", null);
        long gone = customer("合并公司", "rep2", "EAST", null, "merge-" + keep + "@example.com");
        long shared = campaign(rep1);
        relatedRecords(keep, rep1, shared, "SENT");
        relatedRecords(gone, rep1, shared, "RESPONDED");
        jdbc.sql("insert into customer_purchase (customer_id, completed_orders, purchase_days, first_order_on, "
                        + "last_order_on, total_amount, total_margin, refreshed_at) values "
                        + "(:c, 1, 1, current_date, current_date, 100, 0, now())")
                .param("c", gone)
                .update();
        MvcTestResult result = merge("manager", keep, gone, "{\"name\": \"merge\", \"email\": \"merge\"}");

        assertThat(result).hasStatusOk();
        assertThat(result)
                .bodyJson()
                .extractingPath("$.moved['merge.contacts']")
                .isEqualTo(1);
        assertThat(result).bodyJson().extractingPath("$.moved['merge.orders']").isEqualTo(1);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.moved['merge.campaignMembers']")
                .isEqualTo(2);
        for (String[] ref : REFERENCES) {
            assertThat(count(ref[0], ref[1], gone)).as(ref[0]).isZero();
        }
        assertThat(count("contact", "customer_id", keep)).isEqualTo(2);
        assertThat(count("lead", "converted_customer_id", keep)).isEqualTo(2);
        assertThat(count("opportunity", "customer_id", keep)).isEqualTo(2);
        assertThat(count("sales_order", "customer_id", keep)).isEqualTo(2);
        assertThat(count("payment", "customer_id", keep)).isEqualTo(2);
        assertThat(count("ticket", "customer_id", keep)).isEqualTo(2);
        assertThat(count("call_record", "customer_id", keep)).isEqualTo(2);
        assertThat(count("activity", "customer_id", keep)).isEqualTo(2);
        assertThat(count("survey_invitation", "customer_id", keep)).isEqualTo(2);
        // two own campaigns plus one membership of the campaign both were in: the one that got further
        assertThat(count("campaign_member", "customer_id", keep)).isEqualTo(3);
        assertThat(jdbc.sql("select status from campaign_member where campaign_id = :c and customer_id = :k")
                        .param("c", shared)
                        .param("k", keep)
                        .query(String.class)
                        .single())
                .isEqualTo("RESPONDED");
        assertThat(count("care_task", "customer_id", keep)).isEqualTo(1);
        assertThat(jdbc.sql("select completed_orders from customer_purchase where customer_id = :c")
                        .param("c", keep)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);

        var kept = jdbc.sql("select name, phone, email, completed_orders, tags from customer where id = :id")
                .param("id", keep)
                .query()
                .singleRow();
        assertThat(kept.get("name")).isEqualTo("合并公司");
        assertThat(kept.get("phone")).isEqualTo("021-5550001");
        assertThat(kept.get("email")).isEqualTo("merge-" + keep + "@example.com");
        assertThat(kept.get("completed_orders")).isEqualTo(2);
        assertThat(kept.get("tags").toString()).contains("t-" + keep).contains("t-" + gone);
        var merged = jdbc.sql("select archived, merged_into_id from customer where id = :id")
                .param("id", gone)
                .query()
                .singleRow();
        assertThat(merged.get("archived")).isEqualTo(true);
        assertThat(((Number) merged.get("merged_into_id")).longValue()).isEqualTo(keep);
        assertThat(jdbc.sql("""
                        select count(*) from audit_event where kind = 'MERGE' and entity_type = 'CUSTOMER'
                          and entity_id = :id and (details -> 'moved' ->> 'merge.tickets')::int = 1""").param("id", keep).query(Integer.class).single())
                .isEqualTo(1);
        // the field history tells the same story: the kept record took the other's name, the other went into it
        assertThat(jdbc.sql("""
                        select new_value from audit_change
                        where entity_type = 'CUSTOMER' and entity_id = :id and field = 'name'""").param("id", keep).query(String.class).list()).contains("合并公司");
        assertThat(jdbc.sql("""
                        select new_value from audit_change
                        where entity_type = 'CUSTOMER' and entity_id = :id and field = 'mergedInto'""").param("id", gone).query(String.class).list()).hasSize(1);
    }

    @Test
    void aFailingMoveRollsBackEverything() {
        long rep1 = userId("rep1");
        long keep = customer("回滚保留", "rep1", "EAST", null, null);
        long gone = customer("回滚合并", "rep1", "EAST", null, null);
        relatedRecords(gone, rep1, campaign(rep1), "SENT");
        // a trigger makes the last participants' update fail after the others have moved their rows
        jdbc.sql("""
                        create or replace function merge_test_fail() returns trigger language plpgsql as $$
                        begin
                            if new.customer_id = %d then raise exception 'merge test failure'; end if;
                            return new;
                        end $$""".formatted(keep)).update();
        jdbc.sql("""
                        create trigger merge_test_fail before update on care_task
                        for each row execute function merge_test_fail()""").update();
        try {
            MvcTestResult result = merge("manager", keep, gone, "{}");
            assertThat(result).hasStatus(HttpStatus.INTERNAL_SERVER_ERROR);
            assertThat(result.getResponse().getContentAsString()).doesNotContain("merge test failure");
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        } finally {
            jdbc.sql("drop trigger merge_test_fail on care_task").update();
        }
        for (String[] ref : REFERENCES) {
            if (!ref[0].equals("customer_purchase")) {
                assertThat(count(ref[0], ref[1], gone)).as(ref[0]).isPositive();
                assertThat(count(ref[0], ref[1], keep)).as(ref[0]).isZero();
            }
        }
        assertThat(jdbc.sql("select archived from customer where id = :id")
                        .param("id", gone)
                        .query(Boolean.class)
                        .single())
                .isFalse();
        assertThat(count("audit_event", "entity_id", keep)).isZero();
    }

    @Test
    void recordRulesApply() {
        long east = customer("东区客户", "rep1", "EAST", null, null);
        long east2 = customer("东区客户二", "rep2", "EAST", null, null);
        long north = customer("北区客户", "rep3", "NORTH", null, null);
        assertThat(merge("manager", east, north, "{}")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(merge("manager2", north, east, "{}")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(merge("rep1", east, east2, "{}")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/customers/duplicates").with(httpBasic("rep1", PASSWORD)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get()
                        .uri("/data/duplicates")
                        .with(SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername("rep1"))))
                .hasStatus(HttpStatus.FORBIDDEN);
        // a stale version is a conflict, and nothing changes
        jdbc.sql("update customer set version = version + 1 where id = :id")
                .param("id", east2)
                .update();
        assertThat(merge("manager", east, east2, "{}")).hasStatus(HttpStatus.CONFLICT);
        assertThat(merge("manager", east, east, "{}").getResponse().getStatus()).isGreaterThanOrEqualTo(400);
    }

    /** A cluster of these customers as the scan would store it (the scan itself is tested in DuplicateIntegrationTests). */
    long cluster(long... ids) {
        long id = next("customer_duplicate_cluster_seq");
        jdbc.sql("""
                        insert into customer_duplicate_cluster (id, match_key, reason, region, kind, name, member_ids, size,
                                                                found_at)
                        values (:id, 'TEST|' || :id, 'NAME', 'EAST', 'ENTERPRISE', 'test', :ids, :size, now())""")
                .param("id", id)
                .param("ids", java.util.Arrays.stream(ids).boxed().toArray(Long[]::new))
                .param("size", ids.length)
                .update();
        return id;
    }

    org.springframework.test.web.servlet.request.RequestPostProcessor user(String username) {
        return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
    }

    MvcTestResult mergeCluster(String username, long cluster, long keep, long... merged) {
        var request = mvc.post()
                .uri("/data/duplicates/clusters/{id}", cluster)
                .with(user(username))
                .with(SecurityMockMvcRequestPostProcessors.csrf())
                .param("keep", String.valueOf(keep))
                .param("v_" + keep, "0");
        for (long id : merged) {
            request = request.param("members", String.valueOf(id)).param("v_" + id, "0");
        }
        return request.exchange();
    }

    @Test
    void mergingAClusterMovesEverythingToTheKeptCustomerAndLeavesTheUntickedAlone() {
        long rep1 = userId("rep1");
        long keep = customer("簇保留公司", "rep1", "EAST", "021-5550002", null);
        long first = customer("簇合并一", "rep2", "EAST", null, "cluster-" + keep + "@example.com");
        long second = customer("簇合并二", "rep1", "EAST", null, null);
        long untouched = customer("簇不合并", "rep1", "EAST", null, null);
        long shared = campaign(rep1);
        relatedRecords(first, rep1, shared, "SENT");
        relatedRecords(second, rep1, shared, "RESPONDED");
        long cluster = cluster(keep, first, second, untouched);

        assertThat(mergeCluster("manager2", cluster, keep, first, second)).hasStatus(HttpStatus.NOT_FOUND);
        MvcTestResult result = mvc.post()
                .uri("/data/duplicates/clusters/{id}", cluster)
                .with(user("manager"))
                .with(SecurityMockMvcRequestPostProcessors.csrf())
                .param("keep", String.valueOf(keep))
                .param("members", String.valueOf(first), String.valueOf(second))
                .param("v_" + keep, "0")
                .param("v_" + first, "0")
                .param("v_" + second, "0")
                .param("v_" + untouched, "0")
                .param("f_name", String.valueOf(second))
                .param("f_email", String.valueOf(first))
                .exchange();

        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/customers/" + keep);
        for (String[] ref : REFERENCES) {
            assertThat(count(ref[0], ref[1], first)).as(ref[0]).isZero();
            assertThat(count(ref[0], ref[1], second)).as(ref[0]).isZero();
        }
        assertThat(count("contact", "customer_id", keep)).isEqualTo(2);
        assertThat(count("sales_order", "customer_id", keep)).isEqualTo(2);
        assertThat(count("ticket", "customer_id", keep)).isEqualTo(2);
        assertThat(jdbc.sql("select status from campaign_member where campaign_id = :c and customer_id = :k")
                        .param("c", shared)
                        .param("k", keep)
                        .query(String.class)
                        .single())
                .isEqualTo("RESPONDED");
        var kept = jdbc.sql("select name, phone, email, completed_orders from customer where id = :id")
                .param("id", keep)
                .query()
                .singleRow();
        assertThat(kept.get("name")).isEqualTo("簇合并二");
        assertThat(kept.get("phone")).isEqualTo("021-5550002");
        assertThat(kept.get("email")).isEqualTo("cluster-" + keep + "@example.com");
        assertThat(kept.get("completed_orders")).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from customer where id in (:a, :b) and archived and merged_into_id = :k")
                        .param("a", first)
                        .param("b", second)
                        .param("k", keep)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select archived from customer where id = :id")
                        .param("id", untouched)
                        .query(Boolean.class)
                        .single())
                .isFalse();
        assertThat(jdbc.sql("select count(*) from audit_event where kind = 'MERGE' and entity_id = :id")
                        .param("id", keep)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        // two live members remain, so the cluster is still there to review (or dismiss)
        assertThat(mvc.get().uri("/data/duplicates/clusters/{id}", cluster).with(user("manager")))
                .hasStatusOk()
                .bodyText()
                .contains("簇不合并");
    }

    @Test
    void aClusterMergeIsAllOrNothing() {
        long rep1 = userId("rep1");
        long keep = customer("簇回滚保留", "rep1", "EAST", null, null);
        long first = customer("簇回滚一", "rep1", "EAST", null, null);
        long second = customer("簇回滚二", "rep1", "EAST", null, null);
        jdbc.sql("insert into contact (id, customer_id, name) values (nextval('contact_seq'), :c, '一号')")
                .param("c", first)
                .update();
        relatedRecords(second, rep1, campaign(rep1), "SENT");
        long cluster = cluster(keep, first, second);

        // a stale version: the screen again with a message, nothing merged
        assertThat(mvc.post()
                        .uri("/data/duplicates/clusters/{id}", cluster)
                        .with(user("manager"))
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .param("keep", String.valueOf(keep))
                        .param("members", String.valueOf(first), String.valueOf(second))
                        .param("v_" + keep, "0")
                        .param("v_" + first, "0")
                        .param("v_" + second, "3"))
                .hasStatusOk()
                .bodyText()
                .contains("changed by someone else");
        assertThat(count("contact", "customer_id", first)).isEqualTo(1);

        // the second member's move fails after the first member is merged: the first merge is rolled back too
        jdbc.sql("""
                        create or replace function merge_test_fail() returns trigger language plpgsql as $$
                        begin
                            if new.customer_id = %d then raise exception 'merge test failure'; end if;
                            return new;
                        end $$""".formatted(keep)).update();
        jdbc.sql("""
                        create trigger merge_test_fail before update on care_task
                        for each row execute function merge_test_fail()""").update();
        try {
            // unhandled here, so the server's error page answers (without the exception text)
            assertThat(mergeCluster("manager", cluster, keep, first, second))
                    .hasFailed()
                    .failure()
                    .hasStackTraceContaining("merge test failure");
        } finally {
            jdbc.sql("drop trigger merge_test_fail on care_task").update();
        }
        assertThat(count("contact", "customer_id", first))
                .as("the first member's contact")
                .isEqualTo(1);
        for (String[] ref : REFERENCES) {
            if (!ref[0].equals("customer_purchase")) {
                assertThat(count(ref[0], ref[1], second)).as(ref[0]).isPositive();
                assertThat(count(ref[0], ref[1], keep)).as(ref[0]).isZero();
            }
        }
        assertThat(jdbc.sql("select count(*) from customer where id in (:a, :b) and archived")
                        .param("a", first)
                        .param("b", second)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(count("audit_event", "entity_id", keep)).isZero();
    }

    @Test
    void everyReferenceToCustomerIsMovedBySomeParticipant() {
        List<String> referencing = jdbc.sql("""
                        select distinct cl.relname from pg_constraint c
                        join pg_class cl on cl.oid = c.conrelid
                        where c.contype = 'f' and c.confrelid = 'customer'::regclass""").query(String.class).list();
        Set<String> covered = new HashSet<>(KEPT_WITH_MERGED);
        participants.forEach(p -> covered.addAll(p.tables()));
        assertThat(covered)
                .as("tables referencing customer without a CustomerMergeParticipant")
                .containsAll(referencing);
    }
}
