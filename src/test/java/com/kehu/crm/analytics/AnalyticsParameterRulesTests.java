package com.kehu.crm.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The parameters' rules report every field that breaks one, with the rule's message key and arguments. */
class AnalyticsParameterRulesTests {

    private final AnalyticsParameterStore store = new AnalyticsParameterStore(
            Mockito.mock(JdbcClient.class), JsonMapper.builder().build());

    @Test
    void readsNumbersGivenAsTextOrNumbers() {
        AnalyticsParameters p = store.merge(Map.of(
                "vipShare", "0.1",
                "clvHorizonMonths", "24",
                "clvMinCustomers", 100,
                "clvTimeUnit", "MONTH",
                "csiWeights", Map.of("PRICE", "2", "DELIVERY", 0.5)));

        assertThat(p.vipShare()).isEqualByComparingTo("0.1");
        assertThat(p.clvHorizonMonths()).isEqualTo(24);
        assertThat(p.clvMinCustomers()).isEqualTo(100);
        assertThat(p.clvTimeUnit()).isEqualTo(ClvTimeUnit.MONTH);
        assertThat(p.csiWeights()).containsOnlyKeys("PRICE", "DELIVERY");
        assertThat(p.importantShare()).isEqualByComparingTo(AnalyticsParameters.DEFAULTS.importantShare());
    }

    @Test
    void reportsEveryBrokenRuleAtOnceUnreadableValuesIncluded() {
        AnalyticsParameters.InvalidParameters invalid = catchThrowableOfType(
                AnalyticsParameters.InvalidParameters.class,
                () -> store.merge(Map.of(
                        "vipShare", "0.6",
                        "importantShare", "0.5",
                        "ticketCost", "abc",
                        "clvHorizonMonths", "0",
                        "singleBuyerLostDays", "1.5",
                        "clvTimeUnit", "YEAR",
                        "attitudeRepurchaseMin", "",
                        "csiWeights", Map.of("PRICE", "x", "DELIVERY", "-1"))));

        assertThat(invalid.violations())
                .extracting(AnalyticsParameters.Violation::field, AnalyticsParameters.Violation::rule)
                .containsExactlyInAnyOrder(
                        tuple("importantShare", "analytics.parameters.rule.importantBelowVip"),
                        tuple("ticketCost", "analytics.parameters.rule.number"),
                        tuple("clvHorizonMonths", "analytics.parameters.rule.range"),
                        tuple("singleBuyerLostDays", "analytics.parameters.rule.wholeNumber"),
                        tuple("clvTimeUnit", "analytics.parameters.rule.timeUnit"),
                        tuple("attitudeRepurchaseMin", "analytics.parameters.rule.required"),
                        tuple("csiWeights[PRICE]", "analytics.parameters.rule.number"),
                        tuple("csiWeights[DELIVERY]", "analytics.parameters.rule.notNegative"));
        assertThat(invalid.violations())
                .filteredOn(v -> v.field().equals("clvHorizonMonths"))
                .singleElement()
                .satisfies(v -> assertThat(v.arguments()).isEqualTo(List.of(1, 120)));
        assertThat(invalid.getMessage())
                .contains("importantShare must not be below vipShare", "ticketCost must be a number");
    }

    @Test
    void theDefaultsKeepEveryRule() {
        assertThat(store.merge(Map.of())).isEqualTo(AnalyticsParameters.DEFAULTS);
    }
}
