package com.kehu.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpportunityTests {

    static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-11-23");
    static final SalesProperties PROPERTIES = new SalesProperties(
            50,
            java.time.Duration.ofDays(30),
            java.time.Duration.ofDays(3),
            false,
            new BigDecimal("1000000"),
            "CNY",
            null);

    static OpportunityData data(String amount, Integer probability) {
        return new OpportunityData(
                "年度采购",
                new BigDecimal(amount),
                "cny",
                TODAY.plusMonths(1),
                OpportunityType.NEW_BUSINESS,
                probability,
                "报价",
                null);
    }

    static Opportunity deal(String amount) {
        return new Opportunity(1L, data(amount, null), 7L, null, 10, 7L, NOW);
    }

    @Test
    void startsInProspectingWithTheStageDefaultAndRecordsTheOpening() {
        Opportunity deal = deal("1000");
        assertThat(deal.getStage()).isEqualTo(PipelineStage.PROSPECTING);
        assertThat(deal.getProbability()).isEqualTo(10);
        assertThat(deal.getCurrency()).isEqualTo("CNY");
        assertThat(deal.getAmount()).isEqualByComparingTo("1000.00");
        assertThat(deal.getStageChanges()).singleElement().satisfies(c -> {
            assertThat(c.getFromStage()).isNull();
            assertThat(c.getToStage()).isEqualTo(PipelineStage.PROSPECTING);
            assertThat(c.getChangedBy()).isEqualTo(7L);
        });
    }

    @Test
    void movesAlongAllowedStagesAndRecordsEachMove() {
        Opportunity deal = deal("1000");
        deal.moveTo(PipelineStage.QUALIFICATION, null, 25, 7L, NOW, TODAY);
        deal.moveTo(PipelineStage.PROPOSAL, null, 50, 7L, NOW, TODAY);
        assertThat(deal.getProbability()).isEqualTo(50);
        deal.moveTo(PipelineStage.WON, null, 0, 8L, NOW.plusSeconds(60), TODAY);

        assertThat(deal.getStage()).isEqualTo(PipelineStage.WON);
        assertThat(deal.getProbability()).isEqualTo(100);
        assertThat(deal.getClosedOn()).isEqualTo(TODAY);
        assertThat(deal.getStageChanges()).hasSize(4);
        assertThat(deal.getStageChanges().get(3).getChangedBy()).isEqualTo(8L);
    }

    @Test
    void refusesMovesThePipelineForbids() {
        Opportunity deal = deal("1000");
        assertThatThrownBy(() -> deal.moveTo(PipelineStage.WON, null, 100, 7L, NOW, TODAY))
                .as("no win before a proposal")
                .isInstanceOfSatisfying(
                        IllegalStageTransitionException.class,
                        e -> assertThat(e.reasonKey()).isEqualTo("opportunity.stage.notAllowed"));
        deal.moveTo(PipelineStage.PROPOSAL, null, 50, 7L, NOW, TODAY);
        deal.moveTo(PipelineStage.WON, null, 100, 7L, NOW, TODAY);
        assertThatThrownBy(() -> deal.moveTo(PipelineStage.NEGOTIATION, null, 75, 7L, NOW, TODAY))
                .as("a won deal is final")
                .isInstanceOf(IllegalStageTransitionException.class);
        assertThatThrownBy(() -> deal.update(data("5", null), 100))
                .as("a won deal keeps its amount")
                .isInstanceOfSatisfying(
                        IllegalStageTransitionException.class,
                        e -> assertThat(e.reasonKey()).isEqualTo("opportunity.closed.noEdit"));
        assertThat(deal.getAmount()).isEqualByComparingTo("1000");
        assertThat(deal.getStageChanges()).hasSize(3);
    }

    @Test
    void losingNeedsAReasonAndALostDealCanBeReopened() {
        Opportunity deal = deal("1000");
        assertThatThrownBy(() -> deal.moveTo(PipelineStage.LOST, "  ", 0, 7L, NOW, TODAY))
                .isInstanceOfSatisfying(
                        IllegalStageTransitionException.class,
                        e -> assertThat(e.reasonKey()).isEqualTo("opportunity.lossReason.required"));
        assertThat(deal.getStage()).isEqualTo(PipelineStage.PROSPECTING);

        deal.moveTo(PipelineStage.LOST, " 价格太高 ", 0, 7L, NOW, TODAY);
        assertThat(deal.getLossReason()).isEqualTo("价格太高");
        assertThat(deal.getProbability()).isZero();
        assertThat(deal.getClosedOn()).isEqualTo(TODAY);

        deal.moveTo(PipelineStage.QUALIFICATION, null, 25, 7L, NOW, TODAY);
        assertThat(deal.getLossReason()).isNull();
        assertThat(deal.getClosedOn()).isNull();
        assertThat(deal.getProbability()).isEqualTo(25);
    }

    @Test
    void anOverriddenProbabilityHoldsUntilTheStageChanges() {
        Opportunity deal = new Opportunity(1L, data("1000", 40), 7L, null, 10, 7L, NOW);
        assertThat(deal.getProbability()).isEqualTo(40);
        assertThat(deal.weightedAmount()).isEqualByComparingTo("400.00");
        deal.moveTo(PipelineStage.QUALIFICATION, null, 25, 7L, NOW, TODAY);
        assertThat(deal.getProbability()).isEqualTo(25);
    }

    @Test
    void weightsTheAmountByProbabilityWithCents() {
        Opportunity deal = new Opportunity(1L, data("333.33", 33), 7L, null, 10, 7L, NOW);
        // 333.33 × 33% = 109.9989 → 110.00
        assertThat(deal.weightedAmount()).isEqualByComparingTo("110.00");
    }

    @Test
    void alertsAboutALargeDealOnlyOnce() {
        Opportunity small = deal("999999.99");
        assertThat(small.markLargeDealAlerted(PROPERTIES.largeDealAmount(), NOW))
                .isFalse();
        Opportunity large = deal("1000000");
        assertThat(large.markLargeDealAlerted(PROPERTIES.largeDealAmount(), NOW))
                .isTrue();
        assertThat(large.markLargeDealAlerted(PROPERTIES.largeDealAmount(), NOW))
                .isFalse();
    }

    @Test
    void stageDefaultsAreConfigurableForOpenStagesOnly() {
        SalesProperties custom = new SalesProperties(
                50,
                java.time.Duration.ofDays(30),
                java.time.Duration.ofDays(3),
                false,
                BigDecimal.TEN,
                "CNY",
                Map.of(PipelineStage.PROPOSAL, 60, PipelineStage.WON, 10));
        assertThat(custom.probabilityOf(PipelineStage.PROPOSAL)).isEqualTo(60);
        assertThat(custom.probabilityOf(PipelineStage.PROSPECTING)).isEqualTo(10);
        assertThat(custom.probabilityOf(PipelineStage.WON)).isEqualTo(100);
        assertThatThrownBy(() -> new SalesProperties(
                        50,
                        java.time.Duration.ofDays(30),
                        java.time.Duration.ofDays(3),
                        false,
                        BigDecimal.TEN,
                        "CNY",
                        Map.of(PipelineStage.PROPOSAL, 160)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pipelineRulesAreWhatTheBoardOffers() {
        assertThat(PipelineStage.PROSPECTING.allowedNext()).doesNotContain(PipelineStage.WON);
        assertThat(PipelineStage.NEGOTIATION.allowedNext()).contains(PipelineStage.WON, PipelineStage.LOST);
        assertThat(PipelineStage.WON.allowedNext()).isEmpty();
        assertThat(PipelineStage.LOST.allowedNext())
                .containsOnly(PipelineStage.PROSPECTING, PipelineStage.QUALIFICATION);
        assertThat(PipelineStage.OPEN).allMatch(PipelineStage::isOpen);
    }
}
