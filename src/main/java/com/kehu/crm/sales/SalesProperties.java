package com.kehu.crm.sales;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sales settings; the course material gives no numbers, so these are defaults to tune.
 *
 * @param claimLimit how many open leads a rep may hold in their private leads (私海)
 * @param poolReturnAfter a claimed lead with no follow-up for this long goes back to the public pool (公海)
 * @param poolReturnWarning "my day" warns about a lead this long before it would return to the pool
 * @param managerConfirmsQualified a qualified lead needs a manager's confirmation before it can be converted
 * @param largeDealAmount a deal of at least this amount alerts the owner's manager (大额业务提醒)
 * @param currency the currency new deals and orders start in
 * @param stageProbability the default probability (签单成功率, percent) of each open stage; won is 100, lost 0
 */
@ConfigurationProperties("crm.sales")
public record SalesProperties(
        @DefaultValue("50") int claimLimit,
        @DefaultValue("30d") Duration poolReturnAfter,
        @DefaultValue("3d") Duration poolReturnWarning,
        @DefaultValue("false") boolean managerConfirmsQualified,
        @DefaultValue("1000000") BigDecimal largeDealAmount,
        @DefaultValue("CNY") String currency,
        @Nullable Map<PipelineStage, Integer> stageProbability) {

    private static final Map<PipelineStage, Integer> DEFAULT_PROBABILITY = Map.of(
            PipelineStage.PROSPECTING, 10,
            PipelineStage.QUALIFICATION, 25,
            PipelineStage.PROPOSAL, 50,
            PipelineStage.NEGOTIATION, 75,
            PipelineStage.WON, 100,
            PipelineStage.LOST, 0);

    public SalesProperties {
        Map<PipelineStage, Integer> merged = new EnumMap<>(DEFAULT_PROBABILITY);
        if (stageProbability != null) {
            stageProbability.forEach((stage, value) -> {
                if (stage.isOpen()) {
                    if (value < 0 || value > 100) {
                        throw new IllegalArgumentException("crm.sales.stage-probability." + stage + " must be 0-100");
                    }
                    merged.put(stage, value);
                }
            });
        }
        stageProbability = Map.copyOf(merged);
    }

    public int probabilityOf(PipelineStage stage) {
        return stageProbability().get(stage);
    }

    @Override
    public Map<PipelineStage, Integer> stageProbability() {
        return stageProbability == null ? DEFAULT_PROBABILITY : stageProbability;
    }
}
