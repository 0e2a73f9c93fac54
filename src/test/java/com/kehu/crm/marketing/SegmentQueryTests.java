package com.kehu.crm.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.shared.time.BusinessCalendar;
import com.kehu.crm.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Each criterion selects exactly the customers it should. Every test's customers carry a tag of their own and every
 * segment includes that tag, so data of other tests in the shared database cannot interfere.
 */
@IntegrationTest
class SegmentQueryTests {

    @Autowired
    SegmentQueries queries;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    BusinessCalendar calendar;

    SegmentFixtures fixtures;
    String tag;
    CurrentUser marketer;
    LocalDate today;

    @BeforeEach
    void setUp() {
        fixtures = new SegmentFixtures(jdbc);
        tag = SegmentFixtures.uniqueTag();
        marketer = ((CrmUserDetails) users.loadUserByUsername("marketer1")).currentUser();
        today = calendar.today();
    }

    /** The ids the criteria (given as JSON, with the test's tag added) select, and the count agrees. */
    List<Long> select(String criteriaJson) {
        String json = criteriaJson.isBlank()
                ? "{\"tags\": [\"" + tag + "\"]}"
                : "{\"tags\": [\"" + tag + "\"], " + criteriaJson + "}";
        SegmentCriteria criteria = SegmentCriteriaConverter.read(json);
        List<Long> ids = queries.customers(criteria, 0, 200, marketer).content().stream()
                .map(SegmentCustomer::id)
                .toList();
        assertThat(queries.count(criteria, marketer)).isEqualTo(ids.size());
        return ids;
    }

    @Test
    void noCriteriaButTheTagSelectsEveryUnarchivedCustomerWithIt() {
        long a = fixtures.customer(tag).insert();
        long b = fixtures.customer(tag).insert();
        fixtures.customer(tag).archived().insert();
        fixtures.customer(SegmentFixtures.uniqueTag()).insert();
        assertThat(select("")).containsExactlyInAnyOrder(a, b);
    }

    /** A campaign with the given customers as members, each in the given status (raw rows, as a snapshot writes). */
    long campaignWith(Map<Long, String> memberStatuses) {
        long owner = fixtures.userId("marketer1");
        long campaign =
                jdbc.sql("select nextval('campaign_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into campaign (id, name, type, owner_id, status, start_on, end_on, budget, currency,
                                              attribution_days, created_by)
                        values (:id, :name, 'EMAIL', :owner, 'COMPLETED', :start, :end, 0, 'CNY', 30, :owner)""")
                .param("id", campaign)
                .param("name", "上一轮邮件 " + tag)
                .param("owner", owner)
                .param("start", today.minusDays(40))
                .param("end", today.minusDays(30))
                .update();
        memberStatuses.forEach((customer, status) -> jdbc.sql("""
                        insert into campaign_member (id, campaign_id, member_type, customer_id, status, sent_on,
                                                     responded_on, added_by, added_at)
                        values (nextval('campaign_member_seq'), :campaign, 'CUSTOMER', :customer, :status, :sent,
                                :responded, :owner, now())""")
                .param("campaign", campaign)
                .param("customer", customer)
                .param("status", status)
                .param("sent", status.equals("TARGETED") ? null : today.minusDays(35))
                .param("responded", status.equals("RESPONDED") ? today.minusDays(33) : null)
                .param("owner", owner)
                .update());
        return campaign;
    }

    @Test
    void anEarlierCampaignsRespondersNonRespondersAndTheNotYetReached() {
        long responded = fixtures.customer(tag).insert();
        long sent = fixtures.customer(tag).insert();
        long targeted = fixtures.customer(tag).insert();
        long outside = fixtures.customer(tag).insert();
        long campaign = campaignWith(Map.of(responded, "RESPONDED", sent, "SENT", targeted, "TARGETED"));
        String filter = "\"campaignId\": " + campaign + ", \"campaignFilter\": ";

        assertThat(select(filter + "\"MEMBERS\"")).containsExactlyInAnyOrder(responded, sent, targeted);
        assertThat(select(filter + "\"RESPONDED\"")).containsExactly(responded);
        assertThat(select(filter + "\"NOT_RESPONDED\"")).containsExactlyInAnyOrder(sent, targeted);
        assertThat(select(filter + "\"NOT_MEMBERS\"")).containsExactly(outside);
    }

    @Test
    void aCampaignCriterionNeedsBothTheCampaignAndTheFilter() {
        assertThat(SegmentCriteriaConverter.read("{\"campaignId\": 1}").problems())
                .containsExactly(new SegmentCriteria.Problem("campaignFilter", "segment.invalid.campaignPair"));
        assertThat(SegmentCriteriaConverter.read("{\"campaignFilter\": \"RESPONDED\"}")
                        .problems())
                .containsExactly(new SegmentCriteria.Problem("campaignId", "segment.invalid.campaignPair"));
    }

    @Test
    void includeArchived() {
        long a = fixtures.customer(tag).insert();
        long archived = fixtures.customer(tag).archived().insert();
        assertThat(select("\"includeArchived\": true")).containsExactlyInAnyOrder(a, archived);
    }

    @Test
    void kinds() {
        long person = fixtures.customer(tag).kind("INDIVIDUAL").insert();
        fixtures.customer(tag).kind("ENTERPRISE").insert();
        assertThat(select("\"kinds\": [\"INDIVIDUAL\"]")).containsExactly(person);
    }

    @Test
    void industriesAnyOf() {
        long retail = fixtures.customer(tag).industry("RETAIL").insert();
        long it = fixtures.customer(tag).industry("IT").insert();
        fixtures.customer(tag).industry("FINANCE").insert();
        fixtures.customer(tag).insert();
        assertThat(select("\"industries\": [\"RETAIL\", \"IT\"]")).containsExactlyInAnyOrder(retail, it);
    }

    @Test
    void regions() {
        long east = fixtures.customer(tag).region("EAST").insert();
        fixtures.customer(tag).region("NORTH").insert();
        assertThat(select("\"regions\": [\"EAST\"]")).containsExactly(east);
    }

    @Test
    void sources() {
        long ads = fixtures.customer(tag).source("ADVERTISING").insert();
        fixtures.customer(tag).source("ORGANIC").insert();
        fixtures.customer(tag).insert();
        assertThat(select("\"sources\": [\"ADVERTISING\"]")).containsExactly(ads);
    }

    @Test
    void statuses() {
        long potential = fixtures.customer(tag).status("POTENTIAL").insert();
        long target = fixtures.customer(tag).status("TARGET").insert();
        fixtures.customer(tag).status("ACTUAL").insert();
        assertThat(select("\"statuses\": [\"POTENTIAL\", \"TARGET\"]")).containsExactlyInAnyOrder(potential, target);
    }

    @Test
    void valueTierFromImportance() {
        long vip = fixtures.customer(tag).importance("VIP").insert();
        fixtures.customer(tag).importance("ORDINARY").insert();
        assertThat(select("\"importances\": [\"VIP\"]")).containsExactly(vip);
    }

    @Test
    void owner() {
        long mine = fixtures.customer(tag).owner("rep2").insert();
        fixtures.customer(tag).owner("rep1").insert();
        assertThat(select("\"ownerId\": " + fixtures.userId("rep2"))).containsExactly(mine);
    }

    @Test
    void teamIsItsMembersAndItsManager() {
        long rep1 = fixtures.customer(tag).owner("rep1").insert();
        long rep2 = fixtures.customer(tag).owner("rep2").insert();
        long manager = fixtures.customer(tag).owner("manager").insert();
        fixtures.customer(tag).owner("rep3").insert();
        fixtures.customer(tag).owner("manager2").insert();
        long east = jdbc.sql("select team_id from app_user where username = 'rep1'")
                .query(Long.class)
                .single();
        assertThat(select("\"teamId\": " + east)).containsExactlyInAnyOrder(rep1, rep2, manager);
    }

    @Test
    void tagsAnyOf() {
        String other = SegmentFixtures.uniqueTag();
        String third = SegmentFixtures.uniqueTag();
        long a = fixtures.customer(other).insert();
        long b = fixtures.customer(third).tag("x").insert();
        fixtures.customer(SegmentFixtures.uniqueTag()).insert();
        SegmentCriteria criteria = SegmentCriteriaConverter.read("{\"tags\": [\"" + other + "\", \"" + third + "\"]}");
        assertThat(queries.customers(criteria, 0, 50, marketer).content())
                .extracting(SegmentCustomer::id)
                .containsExactlyInAnyOrder(a, b);
    }

    @Test
    void ageBandOfIndividualsFromTheProfileBirthday() {
        long thirty = fixtures.customer(tag)
                .kind("INDIVIDUAL")
                .profile("{\"basic.birthday\": \"" + today.minusYears(30) + "\"}")
                .insert();
        long almostFortyOne = fixtures.customer(tag)
                .kind("INDIVIDUAL")
                .profile("{\"basic.birthday\": \"" + today.minusYears(41).plusDays(1) + "\"}")
                .insert();
        fixtures.customer(tag) // 41 today
                .kind("INDIVIDUAL")
                .profile("{\"basic.birthday\": \"" + today.minusYears(41) + "\"}")
                .insert();
        fixtures.customer(tag) // 29, turning 30 tomorrow
                .kind("INDIVIDUAL")
                .profile("{\"basic.birthday\": \"" + today.minusYears(30).plusDays(1) + "\"}")
                .insert();
        fixtures.customer(tag).kind("INDIVIDUAL").insert(); // no birthday
        fixtures.customer(tag).kind("ENTERPRISE").insert();
        assertThat(select("\"minAge\": 30, \"maxAge\": 40")).containsExactlyInAnyOrder(thirty, almostFortyOne);
    }

    @Test
    void companySizeOfEnterprisesFromTheProfile() {
        long fifty =
                fixtures.customer(tag).profile("{\"basic.employees\": \"50\"}").insert();
        long twoHundred =
                fixtures.customer(tag).profile("{\"basic.employees\": \"200\"}").insert();
        fixtures.customer(tag).profile("{\"basic.employees\": \"201\"}").insert();
        fixtures.customer(tag).profile("{\"basic.employees\": \"49\"}").insert();
        fixtures.customer(tag).profile("{\"basic.employees\": \"many\"}").insert();
        fixtures.customer(tag).insert();
        assertThat(select("\"minEmployees\": 50, \"maxEmployees\": 200")).containsExactlyInAnyOrder(fifty, twoHundred);
    }

    @Test
    void lastPurchaseBetweenDates() {
        long inside = fixtures.customer(tag).insert();
        fixtures.purchase(inside, 1, LocalDate.of(2026, 3, 1), null, "100");
        long onEdge = fixtures.customer(tag).insert();
        fixtures.purchase(onEdge, 1, LocalDate.of(2026, 3, 31), null, "100");
        long before = fixtures.customer(tag).insert();
        fixtures.purchase(before, 1, LocalDate.of(2026, 2, 28), null, "100");
        fixtures.customer(tag).insert(); // never bought
        assertThat(select("\"lastPurchaseFrom\": \"2026-03-01\", \"lastPurchaseTo\": \"2026-03-31\""))
                .containsExactlyInAnyOrder(inside, onEdge);
        assertThat(select("\"lastPurchaseTo\": \"2026-02-28\"")).containsExactly(before);
    }

    @Test
    void noPurchaseForAtLeastDays() {
        long lapsed = fixtures.customer(tag).insert();
        fixtures.purchase(lapsed, 1, today.minusDays(90), null, "100");
        long recent = fixtures.customer(tag).insert();
        fixtures.purchase(recent, 1, today.minusDays(89), null, "100");
        fixtures.customer(tag).insert(); // never bought: not a lapsed buyer
        assertThat(select("\"noPurchaseForDays\": 90")).containsExactly(lapsed);
    }

    @Test
    void lifetimeSpend() {
        long mid = fixtures.customer(tag).insert();
        fixtures.purchase(mid, 2, today.minusDays(10), 30, "5000.00");
        long low = fixtures.customer(tag).insert();
        fixtures.purchase(low, 1, today.minusDays(10), null, "999.99");
        long high = fixtures.customer(tag).insert();
        fixtures.purchase(high, 1, today.minusDays(10), null, "10000.01");
        assertThat(select("\"minSpend\": 1000, \"maxSpend\": 10000")).containsExactly(mid);
        assertThat(select("\"minSpend\": 10000.01")).containsExactly(high);
        assertThat(select("\"maxSpend\": 999.99")).containsExactly(low);
    }

    @Test
    void dueToReorderWithinDays() {
        long overdue = fixtures.customer(tag).insert();
        fixtures.purchase(overdue, 3, today.minusDays(40), 30, "100"); // expected 10 days ago
        long dueSoon = fixtures.customer(tag).insert();
        fixtures.purchase(dueSoon, 2, today.minusDays(25), 30, "100"); // expected in 5 days
        long later = fixtures.customer(tag).insert();
        fixtures.purchase(later, 2, today.minusDays(10), 30, "100"); // in 20 days
        long once = fixtures.customer(tag).insert();
        fixtures.purchase(once, 1, today.minusDays(400), null, "100"); // no interval yet
        assertThat(select("\"dueToReorderWithinDays\": 7")).containsExactlyInAnyOrder(overdue, dueSoon);
        assertThat(select("\"dueToReorderWithinDays\": 0")).containsExactly(overdue);
    }

    @Test
    void neverBought() {
        long prospect = fixtures.customer(tag).insert();
        long buyer = fixtures.customer(tag).insert();
        fixtures.purchase(buyer, 1, today.minusDays(3), null, "100");
        assertThat(select("\"neverBought\": true")).containsExactly(prospect);
    }

    @Test
    void winBackTakesTheLostAndTheLapsedButNeverTheFlaggedOrArchived() {
        long lost = fixtures.customer(tag).status("LOST").insert();
        long overdueByFactor = fixtures.customer(tag).insert();
        fixtures.purchase(overdueByFactor, 4, today.minusDays(61), 30, "100"); // 61 > 2 x 30
        long justWithinFactor = fixtures.customer(tag).insert();
        fixtures.purchase(justWithinFactor, 4, today.minusDays(60), 30, "100");
        long recentBuyer = fixtures.customer(tag).insert();
        fixtures.purchase(recentBuyer, 5, today.minusDays(3), 20, "100");
        long oneTimeLongAgo = fixtures.customer(tag).insert();
        fixtures.purchase(oneTimeLongAgo, 1, today.minusDays(366), null, "100");
        long oneTimeRecent = fixtures.customer(tag).insert();
        fixtures.purchase(oneTimeRecent, 1, today.minusDays(100), null, "100");
        fixtures.customer(tag).status("LOST").flagged("FRAUD").insert();
        long badCredit = fixtures.customer(tag).flagged("BAD_CREDIT").insert();
        fixtures.purchase(badCredit, 4, today.minusDays(200), 30, "100");
        fixtures.customer(tag).status("LOST").archived().insert();
        fixtures.customer(tag).status("POTENTIAL").insert(); // never bought, not lost

        assertThat(select("\"winBack\": true")).containsExactlyInAnyOrder(lost, overdueByFactor, oneTimeLongAgo);
        // archived customers stay out even when asked for
        assertThat(select("\"winBack\": true, \"includeArchived\": true"))
                .containsExactlyInAnyOrder(lost, overdueByFactor, oneTimeLongAgo);
    }

    @Test
    void theBuiltInWinBackSegmentExistsAndUsesTheCriterion() {
        SegmentView builtIn = queries.list(0, 200, marketer).content().stream()
                .filter(SegmentView::builtIn)
                .findFirst()
                .orElseThrow();
        assertThat(builtIn.name()).isEqualTo("Win-back / 挽回流失客户");
        assertThat(builtIn.criteria()).isEqualTo(SegmentCriteria.winBackOnly());
    }

    @Test
    void criteriaCombineWithAnd() {
        long match = fixtures.customer(tag)
                .industry("RETAIL")
                .region("EAST")
                .status("ACTUAL")
                .insert();
        fixtures.customer(tag)
                .industry("RETAIL")
                .region("NORTH")
                .status("ACTUAL")
                .insert();
        fixtures.customer(tag).industry("IT").region("EAST").status("ACTUAL").insert();
        long buyer = fixtures.customer(tag).industry("RETAIL").region("EAST").insert();
        fixtures.purchase(buyer, 1, today.minusDays(1), null, "50");
        assertThat(select("\"industries\": [\"RETAIL\"], \"regions\": [\"EAST\"]"))
                .containsExactlyInAnyOrder(match, buyer);
        assertThat(select("\"industries\": [\"RETAIL\"], \"regions\": [\"EAST\"], \"neverBought\": true"))
                .containsExactly(match);
    }

    @Test
    void criteriaRoundTripThroughJsonWithoutEmptyValues() {
        SegmentCriteria criteria = SegmentCriteriaConverter.read(
                "{\"industries\": [\"RETAIL\"], \"minSpend\": 10.5, \"lastPurchaseFrom\": \"2026-01-02\", \"winBack\": true}");
        String json = SegmentCriteriaConverter.write(criteria);
        assertThat(json).doesNotContain("regions").doesNotContain("ownerId").contains("\"2026-01-02\"");
        assertThat(SegmentCriteriaConverter.read(json)).isEqualTo(criteria);
    }

    @Test
    void contradictoryOrOutOfRangeCriteriaAreRefusedPerField() {
        SegmentCriteria criteria = SegmentCriteriaConverter.read("""
                {"minAge": 40, "maxAge": 30, "minSpend": -1, "lastPurchaseFrom": "2026-05-01",
                 "lastPurchaseTo": "2026-04-01", "neverBought": true, "noPurchaseForDays": -3}""");
        assertThat(criteria.problems())
                .extracting(SegmentCriteria.Problem::field, SegmentCriteria.Problem::messageKey)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("maxAge", "segment.invalid.minAboveMax"),
                        org.assertj.core.groups.Tuple.tuple("minSpend", "segment.invalid.negative"),
                        org.assertj.core.groups.Tuple.tuple("lastPurchaseTo", "segment.invalid.dateOrder"),
                        org.assertj.core.groups.Tuple.tuple("neverBought", "segment.invalid.neverBoughtWithPurchases"),
                        org.assertj.core.groups.Tuple.tuple("noPurchaseForDays", "segment.invalid.negative"));
    }
}
