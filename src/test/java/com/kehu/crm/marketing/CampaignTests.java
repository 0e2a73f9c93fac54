package com.kehu.crm.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** The campaign aggregate's rules, a member's responses, and the performance arithmetic, without Spring. */
class CampaignTests {

    static final LocalDate START = LocalDate.of(2026, 3, 1);
    static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");

    static CampaignData data(CampaignType type, LocalDate start, LocalDate end, String budget, ShowKind kind) {
        return new CampaignData(
                "春季展会", type, null, 7L, start, end, new BigDecimal(budget), null, kind, null, null, null);
    }

    static Campaign campaign() {
        return new Campaign(data(CampaignType.EMAIL, START, START.plusDays(10), "1000", null), "CNY", 30, 7L);
    }

    @Test
    void startsPlannedWithTheDefaultWindowAndMovesOnlyForward() {
        Campaign c = campaign();
        assertThat(c.getStatus()).isEqualTo(CampaignStatus.PLANNED);
        assertThat(c.getAttributionDays()).isEqualTo(30);
        assertThatThrownBy(() -> c.moveTo(CampaignStatus.COMPLETED))
                .isInstanceOf(CampaignRuleException.class)
                .extracting("reasonKey")
                .isEqualTo("campaign.status.notAllowed");
        c.moveTo(CampaignStatus.ACTIVE);
        c.moveTo(CampaignStatus.COMPLETED);
        assertThat(c.getStatus()).isEqualTo(CampaignStatus.COMPLETED);
        assertThatThrownBy(() -> c.moveTo(CampaignStatus.CANCELLED)).isInstanceOf(CampaignRuleException.class);
        assertThat(CampaignStatus.PLANNED.canMoveTo(CampaignStatus.CANCELLED)).isTrue();
        assertThat(CampaignStatus.ACTIVE.canMoveTo(CampaignStatus.PLANNED)).isFalse();
    }

    @Test
    void refusesEndBeforeStartANegativeBudgetAndAWindowOutOfRange() {
        assertThatThrownBy(() ->
                        new Campaign(data(CampaignType.EMAIL, START, START.minusDays(1), "0", null), "CNY", 30, 7L))
                .extracting("reasonKey")
                .isEqualTo("campaign.dates.order");
        assertThatThrownBy(() -> new Campaign(data(CampaignType.EMAIL, START, START, "-1", null), "CNY", 30, 7L))
                .extracting("reasonKey")
                .isEqualTo("campaign.budget.negative");
        Campaign sameDay = new Campaign(data(CampaignType.EMAIL, START, START, "0", null), "CNY", 30, 7L);
        assertThat(sameDay.getEndOn()).isEqualTo(START);
        assertThatThrownBy(() -> sameDay.update(new CampaignData(
                        "x", CampaignType.EMAIL, null, 7L, START, START, BigDecimal.ONE, 3651, null, null, null, null)))
                .extracting("reasonKey")
                .isEqualTo("campaign.attributionDays.range");
    }

    @Test
    void showDetailsBelongToExhibitionsOnly() {
        assertThatThrownBy(
                        () -> new Campaign(data(CampaignType.EMAIL, START, START, "0", ShowKind.TRADE), "CNY", 30, 7L))
                .extracting("reasonKey")
                .isEqualTo("campaign.show.exhibitionOnly");
        Campaign show = new Campaign(
                new CampaignData(
                        "工博会",
                        CampaignType.EXHIBITION,
                        null,
                        7L,
                        START,
                        START.plusDays(3),
                        BigDecimal.TEN,
                        45,
                        ShowKind.PROFESSIONAL,
                        " 上海展览中心 ",
                        "国家会展中心",
                        "7.1H-A018"),
                "CNY",
                30,
                7L);
        assertThat(show.getShowKind()).isEqualTo(ShowKind.PROFESSIONAL);
        assertThat(show.getShowOrganiser()).isEqualTo("上海展览中心");
        assertThat(show.getAttributionDays()).isEqualTo(45);
    }

    @Test
    void keepsSpentEqualToTheSumOfItsExpenseLines() {
        Campaign c = campaign();
        CampaignExpense booth = c.addExpense(START, ExpenseCategory.BOOTH, new BigDecimal("300.50"), "展位", 7L, NOW);
        c.addExpense(START, ExpenseCategory.GIFTS, new BigDecimal("99.50"), null, 7L, NOW);
        assertThat(c.getSpent()).isEqualByComparingTo("400.00");
        ReflectionTestUtils.setField(booth, "id", 11L);
        c.removeExpense(11L);
        assertThat(c.getSpent()).isEqualByComparingTo("99.50");
        assertThat(c.getExpenses()).hasSize(1);
        assertThatThrownBy(() -> c.removeExpense(12L)).isInstanceOf(CampaignNotFoundException.class);
        assertThatThrownBy(() -> c.addExpense(START, ExpenseCategory.OTHER, BigDecimal.ZERO, null, 7L, NOW))
                .extracting("reasonKey")
                .isEqualTo("campaign.expense.amount.positive");
        assertThat(c.isDeletable(false)).isFalse();
    }

    @Test
    void aResponseRecordsItsDateAndTheStatusNeverMovesBack() {
        CampaignMember m = CampaignMember.customer(1L, 2L, 7L, NOW);
        m.respond(CampaignMemberStatus.ATTENDED, START.plusDays(2));
        m.respond(CampaignMemberStatus.SENT, START);
        assertThat(m.getStatus()).isEqualTo(CampaignMemberStatus.ATTENDED);
        assertThat(m.getSentOn()).isEqualTo(START);
        assertThat(m.getAttendedOn()).isEqualTo(START.plusDays(2));
        assertThatThrownBy(() -> m.convertedTo(5L, START)).isInstanceOf(CampaignRuleException.class);
    }

    @Test
    void onlyAProspectConvertsAndOnlyOnce() {
        CampaignMember p = CampaignMember.prospect(1L, new CampaignProspect("周伟", "精工", "139", null), 7L, NOW);
        assertThat(p.isConvertible()).isTrue();
        p.convertedTo(5L, START);
        assertThat(p.getStatus()).isEqualTo(CampaignMemberStatus.CONVERTED);
        assertThat(p.getConvertedLeadId()).isEqualTo(5L);
        assertThatThrownBy(() -> p.convertedTo(6L, START))
                .extracting("reasonKey")
                .isEqualTo("campaign.member.alreadyConverted");
        assertThatThrownBy(() -> CampaignMember.prospect(1L, new CampaignProspect(" ", null, null, null), 7L, NOW))
                .isInstanceOf(CampaignRuleException.class);
    }

    static CampaignPerformance performance(String cost, String margin, long leads, long won) {
        return new CampaignPerformance(
                1L,
                "CNY",
                new BigDecimal(cost),
                3,
                new BigDecimal("9000"),
                new BigDecimal(margin),
                leads,
                won,
                30,
                AttributionRule.LAST_TOUCH);
    }

    @Test
    void roiIsMarginLessCostOverCost() {
        CampaignPerformance p = performance("1000", "1500", 4, 2);
        assertThat(p.roi()).isEqualByComparingTo("0.5");
        assertThat(p.roiPercent()).isEqualByComparingTo("50.0");
        assertThat(p.costPerLead()).isEqualByComparingTo("250.00");
        assertThat(p.costPerCustomerWon()).isEqualByComparingTo("500.00");
        assertThat(performance("1000", "400", 0, 0).roi()).isEqualByComparingTo("-0.6");
    }

    @Test
    void withoutCostThereIsNoRoiAndWithoutLeadsNoCostPerLead() {
        CampaignPerformance p = performance("0", "1500", 0, 0);
        assertThat(p.roi()).isNull();
        assertThat(p.roiPercent()).isNull();
        assertThat(p.costPerLead()).isNull();
        assertThat(p.costPerCustomerWon()).isNull();
    }

    @Test
    void readsResponsesInEitherLanguageAndQuotedCsvCells() {
        assertThat(CampaignMemberStatus.parseResponse("responded")).contains(CampaignMemberStatus.RESPONDED);
        assertThat(CampaignMemberStatus.parseResponse("已参加")).contains(CampaignMemberStatus.ATTENDED);
        assertThat(CampaignMemberStatus.parseResponse("CONVERTED")).isEmpty();
        assertThat(CampaignMemberStatus.parseResponse("maybe")).isEmpty();
        assertThat(CampaignResponseImport.split("C1,\"a, \"\"b\"\"\",2026/3/1"))
                .isEqualTo(List.of("C1", "a, \"b\"", "2026/3/1"));
    }
}
