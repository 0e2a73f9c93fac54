package com.kehu.crm.marketing;

import static com.kehu.crm.support.IntegrationTest.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.kehu.crm.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
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

/** Segments end to end: screens, API, exports, snapshots into campaigns, roles and record rules. */
@IntegrationTest
class SegmentIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SegmentSnapshots snapshots;

    SegmentFixtures fixtures;
    String tag;

    @BeforeEach
    void setUp() {
        fixtures = new SegmentFixtures(jdbc);
        tag = SegmentFixtures.uniqueTag();
    }

    RequestPostProcessor user(String username) {
        return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
    }

    static long idOf(MvcTestResult result) {
        return Long.parseLong(result.getResponse().getHeader("Location").replaceAll(".*/", ""));
    }

    long segment(String criteriaJson) {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/segments")
                .with(httpBasic("marketer1", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"细分 " + tag + " "
                        + UUID.randomUUID().toString().substring(0, 4)
                        + "\", \"criteria\": {\"tags\": [\"" + tag + "\"]" + (criteriaJson.isBlank() ? "" : ", ")
                        + criteriaJson + "}}")
                .exchange();
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return idOf(result);
    }

    long campaign(String status) {
        long id = jdbc.sql("select nextval('campaign_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into campaign (id, name, type, owner_id, status, start_on, end_on, budget, currency,
                            attribution_days, created_by)
                        values (:id, :name, 'EXHIBITION', (select id from app_user where username = 'marketer1'),
                            :status, :start, :end, 1000, 'CNY', 30, (select id from app_user where username = 'marketer1'))""")
                .param("id", id)
                .param("name", "活动 " + tag + " " + status)
                .param("status", status)
                .param("start", LocalDate.of(2026, 11, 1))
                .param("end", LocalDate.of(2026, 12, 31))
                .update();
        return id;
    }

    long members(long campaignId) {
        return jdbc.sql("select count(*) from campaign_member where campaign_id = :c and member_type = 'CUSTOMER'")
                .param("c", campaignId)
                .query(Long.class)
                .single();
    }

    // --- roles and visibility

    @Test
    void onlyMarketersAndAboveMaySeeSegments() throws Exception {
        long id = segment("");
        for (String username : List.of("rep1", "agent1")) {
            assertThat(mvc.get().uri("/segments").with(user(username))).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(mvc.get().uri("/segments/" + id).with(user(username))).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(mvc.get().uri("/segments/" + id + "/export?format=csv").with(user(username)))
                    .hasStatus(HttpStatus.FORBIDDEN);
            assertThat(mvc.get().uri("/api/v1/segments").with(httpBasic(username, PASSWORD)))
                    .hasStatus(HttpStatus.FORBIDDEN);
            assertThat(mvc.get().uri("/api/v1/segments/" + id + "/customers").with(httpBasic(username, PASSWORD)))
                    .hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(mvc.get().uri("/segments").with(user("marketer1"))).hasStatus(HttpStatus.OK);
        assertThat(mvc.get().uri("/segments").with(user("manager"))).hasStatus(HttpStatus.OK);
        assertThat(mvc.get().uri("/api/v1/segments").with(httpBasic("admin", PASSWORD)))
                .hasStatus(HttpStatus.OK);
        assertThat(mvc.get().uri("/segments")).hasStatus(HttpStatus.FOUND);
    }

    @Test
    void anUnknownSegmentIsNotFound() throws Exception {
        assertThat(mvc.get().uri("/segments/987654321").with(user("marketer1"))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/segments/987654321").with(httpBasic("marketer1", PASSWORD)))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void aMarketerSeesEveryOwnersCustomersButOnlyTheMarketingFields() throws Exception {
        long rep1s = fixtures.customer(tag)
                .address("机密地址 " + tag)
                .profile("{\"basic.legalName\": \"机密法人 " + tag + "\"}")
                .email("buyer@example.cn")
                .insert();
        long rep3s = fixtures.customer(tag).owner("rep3").address("机密地址 " + tag).insert();
        long id = segment("");

        String page = mvc.get()
                .uri("/segments/" + id)
                .with(user("marketer1"))
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("SEG" + rep1s, "SEG" + rep3s, "buyer@example.cn", "021-5555 0000");
        assertThat(page).doesNotContain("机密地址", "机密法人");

        MvcTestResult api = mvc.get()
                .uri("/api/v1/segments/" + id + "/customers")
                .with(httpBasic("marketer1", PASSWORD))
                .exchange();
        assertThat(api).hasStatus(HttpStatus.OK);
        assertThat(api).bodyJson().extractingPath("$.page.totalElements").isEqualTo(2);
        String json = api.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).contains("buyer@example.cn", "\"ownerName\"", "\"phone\"");
        assertThat(json).doesNotContain("机密", "address", "profile", "amount");
    }

    // --- exports

    @Test
    void exportsEscapeFormulasAndCarryTheMarketingFieldsOnly() throws Exception {
        fixtures.customer(tag)
                .name("=cmd|' /C calc'!A0")
                .email("@evil.example")
                .address("机密地址 " + tag)
                .profile("{\"basic.legalName\": \"机密法人\"}")
                .insert();
        long id = segment("");

        MvcTestResult csv = mvc.get()
                .uri("/segments/" + id + "/export?format=csv")
                .with(user("marketer1"))
                .exchange();
        assertThat(csv).hasStatus(HttpStatus.OK);
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        assertThat(csv.getResponse().getHeader("Content-Disposition")).contains("segment-" + id + ".csv");
        String text = csv.getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0))
                .contains("Code", "Name", "Phone", "E-mail", "Owner")
                .doesNotContain("Address");
        assertThat(lines.get(1))
                .contains("'=cmd|' /C calc'!A0", "'@evil.example")
                .doesNotContain("机密");
        assertThat(lines.get(1)).doesNotStartWith("=").doesNotContain(",=cmd");
        assertThat(jdbc.sql("""
                                select details->>'rows' from audit_event
                                where kind = 'EXPORT' and entity_type = 'SEGMENT' and entity_id = :id
                                  and actor_name = 'marketer1'""").param("id", id).query(String.class).list())
                .as("every export is audited with its row count")
                .containsExactly("1");

        MvcTestResult xlsx = mvc.get()
                .uri("/api/v1/segments/" + id + "/export?format=xlsx")
                .with(httpBasic("marketer1", PASSWORD))
                .exchange();
        assertThat(xlsx).hasStatus(HttpStatus.OK);
        List<String> cells = new ArrayList<>();
        try (XSSFWorkbook book =
                new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(1);
            for (Row row : book.getSheetAt(0)) {
                for (Cell cell : row) {
                    cells.add(cell.getStringCellValue());
                }
            }
        }
        assertThat(cells).contains("'=cmd|' /C calc'!A0", "'@evil.example");
        assertThat(cells).noneMatch(c -> c.startsWith("=") || c.contains("机密"));

        assertThat(mvc.get()
                        .uri("/api/v1/segments/" + id + "/export?format=pdf")
                        .with(httpBasic("marketer1", PASSWORD)))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get()
                        .uri("/api/v1/segments/" + id + "/export?format=csv")
                        .with(httpBasic("rep1", PASSWORD)))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    // --- snapshots into campaigns

    @Test
    void addingASegmentToACampaignSnapshotsItsMembersOnce() throws Exception {
        long a = fixtures.customer(tag).insert();
        long b = fixtures.customer(tag).insert();
        long id = segment("");
        long campaign = campaign("ACTIVE");

        MvcTestResult first = mvc.post()
                .uri("/api/v1/segments/" + id + "/campaigns/" + campaign)
                .with(httpBasic("marketer1", PASSWORD))
                .exchange();
        assertThat(first.getResponse().getStatus()).isIn(200, 202);
        long run = ((Number) com.jayway.jsonpath.JsonPath.read(
                        first.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.id"))
                .longValue();
        SegmentSnapshotView done = snapshots.awaitFinished(run, Duration.ofMinutes(1));
        assertThat(done.status()).isEqualTo(SegmentSnapshotView.SnapshotStatus.DONE);
        assertThat(done.added()).isEqualTo(2);
        assertThat(done.already()).isZero();
        assertThat(members(campaign)).isEqualTo(2);
        assertThat(jdbc.sql("select customer_id from campaign_member where campaign_id = :c and segment_id = :s")
                        .param("c", campaign)
                        .param("s", id)
                        .query(Long.class)
                        .list())
                .containsExactlyInAnyOrder(a, b);

        // a third customer joins the segment; running it again adds only the newcomer
        fixtures.customer(tag).insert();
        MvcTestResult second = mvc.post()
                .uri("/segments/" + id + "/campaigns")
                .param("campaignId", String.valueOf(campaign))
                .with(user("marketer1"))
                .with(csrf())
                .exchange();
        assertThat(second).hasStatus(HttpStatus.FOUND);
        SegmentSnapshotView again = snapshots.awaitFinished(
                jdbc.sql("select max(id) from segment_snapshot where segment_id = :s")
                        .param("s", id)
                        .query(Long.class)
                        .single(),
                Duration.ofMinutes(1));
        assertThat(again.added()).isEqualTo(1);
        assertThat(again.already()).isEqualTo(2);
        assertThat(members(campaign)).isEqualTo(3);

        String page = mvc.get()
                .uri("/segments/" + id)
                .with(user("marketer1"))
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("segment-snapshots", "活动 " + tag);
    }

    @Test
    void aSnapshotWalksTheCustomerIdsInRangesAndRecordsItsProgress() throws Exception {
        long first = fixtures.customer(tag).insert();
        // move the sequence on (never back), so the next customer is more than two id ranges away
        jdbc.sql("select setval('customer_seq', nextval('customer_seq') + 45000)")
                .query(Long.class)
                .single();
        long last = fixtures.customer(tag).insert();
        assertThat(last - first).isGreaterThan(40_000);
        long id = segment("");
        long campaign = campaign("PLANNED");

        MvcTestResult result = mvc.post()
                .uri("/api/v1/segments/" + id + "/campaigns/" + campaign)
                .with(httpBasic("marketer1", PASSWORD))
                .exchange();
        long run = ((Number) com.jayway.jsonpath.JsonPath.read(
                        result.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.id"))
                .longValue();
        SegmentSnapshotView done = snapshots.awaitFinished(run, Duration.ofMinutes(1));
        assertThat(done.status()).isEqualTo(SegmentSnapshotView.SnapshotStatus.DONE);
        assertThat(done.total()).isEqualTo(2);
        assertThat(done.added()).isEqualTo(2);
        assertThat(done.percent()).isEqualTo(100);
        assertThat(jdbc.sql("select last_customer_id >= :last from segment_snapshot where id = :id")
                        .param("last", last)
                        .param("id", run)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(mvc.get().uri("/api/v1/segments/" + id + "/snapshots").with(httpBasic("marketer1", PASSWORD)))
                .bodyJson()
                .extractingPath("$[0].status")
                .isEqualTo("DONE");
    }

    @Test
    void closedAndUnknownCampaignsTakeNoMembers() throws Exception {
        fixtures.customer(tag).insert();
        long id = segment("");
        long completed = campaign("COMPLETED");

        MvcTestResult closed = mvc.post()
                .uri("/api/v1/segments/" + id + "/campaigns/" + completed)
                .with(httpBasic("marketer1", PASSWORD))
                .exchange();
        assertThat(closed).hasStatus(HttpStatus.CONFLICT);
        assertThat(closed).bodyJson().extractingPath("$.code").isEqualTo("segment.snapshot.campaignClosed");
        assertThat(members(completed)).isZero();

        assertThat(mvc.post()
                        .uri("/api/v1/segments/" + id + "/campaigns/987654321")
                        .with(httpBasic("marketer1", PASSWORD)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post()
                        .uri("/segments/" + id + "/campaigns")
                        .param("campaignId", String.valueOf(completed))
                        .with(user("marketer1"))
                        .with(csrf()))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsEntry("flashError", "segment.snapshot.campaignClosed");
        assertThat(mvc.post()
                        .uri("/api/v1/segments/" + id + "/campaigns/" + campaign("PLANNED"))
                        .with(httpBasic("rep1", PASSWORD)))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void theSegmentListOffersTheCampaignItWasOpenedFrom() throws Exception {
        long campaign = campaign("PLANNED");
        long id = segment("");
        assertThat(mvc.get().uri("/segments?campaign=" + campaign).with(user("marketer1")))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains("campaign-hint", "活动 " + tag, "/segments/" + id + "?campaign=" + campaign);
        assertThat(mvc.get().uri("/segments/" + id + "?campaign=" + campaign).with(user("marketer1")))
                .bodyText()
                .containsPattern("<option value=\"" + campaign + "\" selected");
    }

    // --- counts, builder, validation, conflicts

    @Test
    void countsLiveAndPreviewsTheBuilder() throws Exception {
        fixtures.customer(tag).industry("RETAIL").insert();
        fixtures.customer(tag).industry("IT").insert();
        long id = segment("\"industries\": [\"RETAIL\"]");

        assertThat(mvc.get().uri("/api/v1/segments/" + id + "/count").with(httpBasic("marketer1", PASSWORD)))
                .bodyJson()
                .extractingPath("$.count")
                .isEqualTo(1);
        assertThat(mvc.get().uri("/api/v1/segments/" + id).with(httpBasic("marketer1", PASSWORD)))
                .bodyJson()
                .extractingPath("$.count")
                .isEqualTo(1);
        assertThat(mvc.get().uri("/segments/" + id + "/count").with(user("marketer1")))
                .bodyText()
                .contains(">1<");
        assertThat(mvc.get()
                        .uri("/segments/preview")
                        .param("tags", tag)
                        .param("industries", "RETAIL", "IT")
                        .with(user("marketer1")))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains("segment-count", ">2<");
        assertThat(mvc.get()
                        .uri("/segments/preview")
                        .param("tags", tag)
                        .param("minAge", "50")
                        .param("maxAge", "20")
                        .with(user("marketer1")))
                .bodyText()
                .contains("Please correct");
        // without JavaScript: the Count button posts the form and shows the number, saving nothing
        assertThat(mvc.post()
                        .uri("/segments")
                        .param("name", "未保存 " + tag)
                        .param("tags", tag)
                        .param("action", "count")
                        .with(user("marketer1"))
                        .with(csrf()))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains(">2<");
        assertThat(jdbc.sql("select count(*) from segment where name = :n")
                        .param("n", "未保存 " + tag)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theBuilderSavesAndShowsTheCriteriaInWords() throws Exception {
        MvcTestResult saved = mvc.post()
                .uri("/segments")
                .param("name", "华东零售 " + tag)
                .param("industries", "RETAIL")
                .param("regions", "EAST")
                .param("tags", tag + ", 展会")
                .param("minSpend", "1000")
                .param("winBack", "true")
                .with(user("marketer1"))
                .with(csrf())
                .exchange();
        assertThat(saved).hasStatus(HttpStatus.FOUND);
        String location = saved.getResponse().getRedirectedUrl();
        assertThat(mvc.get().uri(location).with(user("marketer1")))
                .bodyText()
                .contains("华东零售 " + tag, "Industry: Retail", "Region: East", "Tagged with any of: " + tag + ", 展会")
                .contains("Lifetime spend at least 1,000", "Win-back");
        assertThat(mvc.get().uri("/segments/new?source=ADVERTISING").with(user("marketer1")))
                .bodyText()
                .containsPattern("<option value=\"ADVERTISING\" selected");
    }

    @Test
    void badInputIsShownNextToTheFieldsAndNothingIsSaved() throws Exception {
        segment("");
        String taken = jdbc.sql("select name from segment where position(:t in criteria::text) > 0")
                .param("t", tag)
                .query(String.class)
                .single();
        MvcTestResult result = mvc.post()
                .uri("/segments")
                .param("name", taken.toUpperCase())
                .param("minAge", "40")
                .param("maxAge", "30")
                .param("minSpend", "-5")
                .param("lastPurchaseFrom", "2026-05-01")
                .param("lastPurchaseTo", "2026-04-01")
                .param("noPurchaseForDays", "abc")
                .with(user("marketer1"))
                .with(csrf())
                .exchange();
        assertThat(result).hasStatus(HttpStatus.OK);
        assertThat(result)
                .bodyText()
                .contains("The upper bound is below the lower bound.")
                .contains("Enter zero or more.")
                .contains("This date is before the first one.")
                .contains("Enter a whole number.");
        // the name is checked once the criteria are valid
        assertThat(mvc.post()
                        .uri("/segments")
                        .param("name", taken.toUpperCase())
                        .with(user("marketer1"))
                        .with(csrf()))
                .bodyText()
                .contains("Another segment already has this name.");
        assertThat(jdbc.sql("select count(*) from segment where position(:t in criteria::text) > 0")
                        .param("t", tag)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        MvcTestResult api = mvc.post()
                .uri("/api/v1/segments")
                .with(httpBasic("marketer1", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"坏 " + tag + "\", \"criteria\": {\"minEmployees\": 10, \"maxEmployees\": 5}}")
                .exchange();
        assertThat(api).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api).bodyJson().extractingPath("$.errors[0].field").isEqualTo("criteria.maxEmployees");
    }

    @Test
    void concurrentEditsShowTheConflictPageKeepingTheInput() throws Exception {
        long id = segment("");
        // someone else saves first
        MvcTestResult other = mvc.put()
                .uri("/api/v1/segments/" + id)
                .with(httpBasic("manager", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                        "{\"name\": \"他人版本 " + tag + "\", \"criteria\": {\"tags\": [\"" + tag + "\"]}, \"version\": 0}")
                .exchange();
        assertThat(other).hasStatus(HttpStatus.OK);

        MvcTestResult mine = mvc.post()
                .uri("/segments/" + id)
                .param("name", "我的版本 " + tag)
                .param("tags", tag)
                .param("regions", "NORTH")
                .param("version", "0")
                .with(user("marketer1"))
                .with(csrf())
                .exchange();
        assertThat(mine).hasStatus(HttpStatus.OK);
        assertThat(mine)
                .bodyText()
                .contains("conflict-message", "他人版本 " + tag, "我的版本 " + tag)
                .containsPattern("<option value=\"NORTH\" selected");
        assertThat(mvc.put()
                        .uri("/api/v1/segments/" + id)
                        .with(httpBasic("marketer1", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"x " + tag + "\", \"version\": 0}"))
                .hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void theBuiltInWinBackSegmentCanBeUsedButNotChanged() throws Exception {
        long winBack = jdbc.sql("select id from segment where built_in")
                .query(Long.class)
                .single();
        assertThat(mvc.get().uri("/segments/" + winBack).with(user("marketer1")))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains("Win-back / 挽回流失客户")
                .doesNotContain("edit-segment");
        MvcTestResult delete = mvc.delete()
                .uri("/api/v1/segments/" + winBack)
                .with(httpBasic("admin", PASSWORD))
                .exchange();
        assertThat(delete).hasStatus(HttpStatus.CONFLICT);
        assertThat(delete).bodyJson().extractingPath("$.code").isEqualTo("segment.builtIn.readOnly");
        assertThat(mvc.put()
                        .uri("/api/v1/segments/" + winBack)
                        .with(httpBasic("admin", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"改名\", \"version\": 0}"))
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(mvc.get().uri("/api/v1/segments/" + winBack + "/count").with(httpBasic("marketer1", PASSWORD)))
                .hasStatus(HttpStatus.OK);
        assertThat(mvc.post()
                        .uri("/segments/" + winBack)
                        .param("name", "改名")
                        .param("version", "0")
                        .with(user("marketer1"))
                        .with(csrf()))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsEntry("flashError", "segment.builtIn.readOnly");
        assertThat(mvc.post()
                        .uri("/segments/" + winBack + "/delete")
                        .with(user("marketer1"))
                        .with(csrf()))
                .flash()
                .containsEntry("flashError", "segment.builtIn.readOnly");
        assertThat(jdbc.sql("select name from segment where id = :id")
                        .param("id", winBack)
                        .query(String.class)
                        .single())
                .isEqualTo("Win-back / 挽回流失客户");
    }

    @Test
    void apiCreatesReadsUpdatesAndDeletes() throws Exception {
        long id = segment("\"regions\": [\"EAST\"]");
        assertThat(mvc.get().uri("/api/v1/segments/" + id).with(httpBasic("marketer1", PASSWORD)))
                .bodyJson()
                .extractingPath("$.criteria.regions[0]")
                .isEqualTo("EAST");
        assertThat(mvc.put()
                        .uri("/api/v1/segments/" + id)
                        .with(httpBasic("marketer1", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"改 " + tag
                                + "\", \"criteria\": {\"regions\": [\"NORTH\"]}, \"version\": 0}"))
                .bodyJson()
                .extractingPath("$.version")
                .isEqualTo(1);
        assertThat(mvc.get().uri("/api/v1/segments").with(httpBasic("marketer1", PASSWORD)))
                .bodyJson()
                .extractingPath("$.page.totalElements")
                .asNumber()
                .satisfies(n -> assertThat(n.intValue()).isGreaterThanOrEqualTo(2));
        assertThat(mvc.delete().uri("/api/v1/segments/" + id).with(httpBasic("marketer1", PASSWORD)))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(mvc.get().uri("/api/v1/segments/" + id).with(httpBasic("marketer1", PASSWORD)))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void acquisitionBySourceCountsCustomersBuyersAndRevenue() throws Exception {
        com.kehu.crm.identity.CurrentUser marketer =
                ((com.kehu.crm.identity.CrmUserDetails) users.loadUserByUsername("marketer1")).currentUser();
        SourceAcquisition before = exhibition(marketer);
        long buyer = fixtures.customer(tag).source("EXHIBITION").insert();
        fixtures.purchase(buyer, 1, LocalDate.of(2026, 10, 1), null, "1234.50");
        fixtures.customer(tag).source("EXHIBITION").insert();
        fixtures.customer(tag).source("EXHIBITION").archived().insert();
        SourceAcquisition after = exhibition(marketer);
        assertThat(after.customers() - before.customers()).isEqualTo(2);
        assertThat(after.buyers() - before.buyers()).isEqualTo(1);
        assertThat(after.revenue().subtract(before.revenue())).isEqualByComparingTo("1234.50");

        assertThat(mvc.get().uri("/segments/sources").with(user("marketer1")))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains("source-table", "Exhibition", "/segments/new?source=EXHIBITION");
        assertThat(mvc.get().uri("/segments/sources").with(user("rep1"))).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Autowired
    SegmentQueries queries;

    SourceAcquisition exhibition(com.kehu.crm.identity.CurrentUser marketer) {
        return queries.acquisitionBySource(marketer).stream()
                .filter(s -> s.source() == com.kehu.crm.customer.CustomerSource.EXHIBITION)
                .findFirst()
                .orElse(new SourceAcquisition(
                        com.kehu.crm.customer.CustomerSource.EXHIBITION, 0, 0, java.math.BigDecimal.ZERO));
    }

    // --- the retention flag (not worth retaining)

    @Test
    void aRepFlagsTheirOwnCustomerAndWinBackLeavesThemOut() throws Exception {
        long lost = fixtures.customer(tag).status("LOST").insert();
        long id = segment("\"winBack\": true");
        assertThat(mvc.get().uri("/api/v1/segments/" + id + "/count").with(httpBasic("marketer1", PASSWORD)))
                .bodyJson()
                .extractingPath("$.count")
                .isEqualTo(1);

        assertThat(mvc.post()
                        .uri("/customers/" + lost + "/retention-flag")
                        .param("flag", "FRAUD")
                        .with(user("rep1"))
                        .with(csrf()))
                .hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/customers/" + lost).with(user("rep1")))
                .bodyText()
                .contains("retention-flag", "Fraud");
        assertThat(mvc.get().uri("/api/v1/customers/" + lost).with(httpBasic("rep1", PASSWORD)))
                .bodyJson()
                .extractingPath("$.retentionFlag")
                .isEqualTo("FRAUD");
        assertThat(mvc.get().uri("/api/v1/segments/" + id + "/count").with(httpBasic("marketer1", PASSWORD)))
                .bodyJson()
                .extractingPath("$.count")
                .isEqualTo(0);

        // cleared through the API
        assertThat(mvc.put()
                        .uri("/api/v1/customers/" + lost + "/retention-flag")
                        .with(httpBasic("rep1", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"flag\": null}"))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$.retentionFlag")
                .isNull();
        assertThat(mvc.put()
                        .uri("/api/v1/customers/" + lost + "/retention-flag")
                        .with(httpBasic("rep1", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"flag\": \"BAD_CREDIT\"}"))
                .bodyJson()
                .extractingPath("$.retentionFlag")
                .isEqualTo("BAD_CREDIT");
    }

    @Test
    void onlyThoseWhoMayChangeTheCustomerMayFlagIt() throws Exception {
        long rep1s = fixtures.customer(tag).insert();
        assertThat(mvc.put()
                        .uri("/api/v1/customers/" + rep1s + "/retention-flag")
                        .with(httpBasic("rep3", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"flag\": \"FRAUD\"}"))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post()
                        .uri("/customers/" + rep1s + "/retention-flag")
                        .param("flag", "FRAUD")
                        .with(user("rep3"))
                        .with(csrf()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.put()
                        .uri("/api/v1/customers/" + rep1s + "/retention-flag")
                        .with(httpBasic("marketer1", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"flag\": \"FRAUD\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/customers/" + rep1s + "/retention-flag")
                        .param("flag", "FRAUD")
                        .with(user("rep1")))
                .hasStatus(HttpStatus.FORBIDDEN); // no CSRF token
        assertThat(jdbc.sql("select retention_flag from customer where id = :id")
                        .param("id", rep1s)
                        .query(String.class)
                        .optional())
                .isEmpty();
    }
}
