package com.kehu.crm.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One deal with its stage history, for the detail page and the API. */
public record OpportunityDetails(
        long id,
        long customerId,
        String customerName,
        String name,
        BigDecimal amount,
        String currency,
        LocalDate expectedCloseDate,
        OpportunityType type,
        PipelineStage stage,
        int probability,
        boolean probabilityIsDefault,
        long ownerId,
        String ownerName,
        @Nullable String nextStep,
        @Nullable String competitor,
        @Nullable String lossReason,
        @Nullable Long sourceLeadId,
        @Nullable LocalDate closedOn,
        long version,
        Instant createdAt,
        Instant updatedAt,
        boolean editable,
        List<StageChange> history) {

    /** One move through the pipeline; {@code from} is null for the opening entry. */
    public record StageChange(
            @Nullable PipelineStage from,
            PipelineStage to,
            @Nullable String changedBy,
            Instant changedAt) {}

    /** The stages the deal may move to now, in pipeline order. */
    public List<PipelineStage> allowedNext() {
        return java.util.Arrays.stream(PipelineStage.values())
                .filter(stage::canMoveTo)
                .toList();
    }

    public OpportunityData toData() {
        return new OpportunityData(
                name,
                amount,
                currency,
                expectedCloseDate,
                type,
                probabilityIsDefault ? null : probability,
                nextStep,
                competitor);
    }
}
