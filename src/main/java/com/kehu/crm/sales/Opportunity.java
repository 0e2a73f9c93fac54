package com.kehu.crm.sales;

import com.kehu.crm.shared.audit.AuditSnapshot;
import com.kehu.crm.shared.domain.BaseEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * A deal with a customer moving through the {@link PipelineStage}s. Every stage change is recorded; the probability
 * follows the stage's default unless the rep overrides it, and a won deal is final (its amount is what was sold).
 */
@Entity
@Table(name = "opportunity")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class Opportunity extends BaseEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "opportunity_seq")
    @SequenceGenerator(name = "opportunity_seq", sequenceName = "opportunity_seq", allocationSize = 50)
    private @Nullable Long id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private long customerId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal amount;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "expected_close_date", nullable = false)
    private LocalDate expectedCloseDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OpportunityType type;

    @Column(name = "owner_id", nullable = false)
    private long ownerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PipelineStage stage;

    @Column(nullable = false)
    private int probability;

    @Column(name = "next_step")
    private @Nullable String nextStep;

    private @Nullable String competitor;

    @Column(name = "loss_reason")
    private @Nullable String lossReason;

    @Column(name = "source_lead_id", updatable = false)
    private @Nullable Long sourceLeadId;

    @Column(name = "closed_on")
    private @Nullable LocalDate closedOn;

    @Column(name = "stage_changed_at", nullable = false)
    private Instant stageChangedAt;

    @Column(name = "large_deal_alerted_at")
    private @Nullable Instant largeDealAlertedAt;

    @OneToMany(mappedBy = "opportunity", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    private List<OpportunityStageChange> stageChanges = new ArrayList<>();

    Opportunity(
            long customerId,
            OpportunityData data,
            long ownerId,
            @Nullable Long sourceLeadId,
            int defaultProbability,
            long createdBy,
            Instant now) {
        this.customerId = customerId;
        this.ownerId = ownerId;
        this.sourceLeadId = sourceLeadId;
        this.stage = PipelineStage.PROSPECTING;
        this.stageChangedAt = now;
        apply(data, defaultProbability);
        stageChanges.add(new OpportunityStageChange(this, null, stage, createdBy, now));
    }

    /** Edits the deal's facts; a closed deal keeps them (a won amount is what was sold). */
    void update(OpportunityData data, int stageDefaultProbability) {
        if (!stage.isOpen()) {
            throw new IllegalStageTransitionException(
                    "opportunity.closed.noEdit", "Opportunity " + id + " is " + stage);
        }
        apply(data, stageDefaultProbability);
    }

    /**
     * Moves the deal along the pipeline. The probability becomes the new stage's default (won 100, lost 0); losing
     * needs a reason; closing records the day.
     */
    void moveTo(
            PipelineStage next,
            @Nullable String lossReason,
            int nextDefaultProbability,
            long changedBy,
            Instant now,
            LocalDate today) {
        if (next == stage) {
            return;
        }
        if (!stage.canMoveTo(next)) {
            throw new IllegalStageTransitionException(
                    "opportunity.stage.notAllowed", "Opportunity " + id + ": " + stage + " → " + next);
        }
        if (next == PipelineStage.LOST) {
            if (lossReason == null || lossReason.isBlank()) {
                throw new IllegalStageTransitionException(
                        "opportunity.lossReason.required", "Opportunity " + id + " lost without a reason");
            }
            this.lossReason = lossReason.strip();
        } else {
            this.lossReason = null;
        }
        stageChanges.add(new OpportunityStageChange(this, stage, next, changedBy, now));
        this.stage = next;
        this.stageChangedAt = now;
        this.probability = next == PipelineStage.WON ? 100 : next == PipelineStage.LOST ? 0 : nextDefaultProbability;
        this.closedOn = next.isOpen() ? null : today;
    }

    void reassignTo(long newOwnerId) {
        this.ownerId = newOwnerId;
    }

    boolean isLargeDeal(BigDecimal threshold) {
        return amount.compareTo(threshold) >= 0;
    }

    /** True the first time the deal is seen above the threshold, so the manager hears of it once. */
    boolean markLargeDealAlerted(BigDecimal threshold, Instant now) {
        if (largeDealAlertedAt != null || !isLargeDeal(threshold)) {
            return false;
        }
        largeDealAlertedAt = now;
        return true;
    }

    /** amount × probability, the deal's weight in the forecast. */
    BigDecimal weightedAmount() {
        return amount.multiply(BigDecimal.valueOf(probability))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    private void apply(OpportunityData data, int stageDefaultProbability) {
        Assert.hasText(data.name(), "name must not be empty");
        Assert.isTrue(data.amount().signum() >= 0, "amount must not be negative");
        Integer override = data.probability();
        Assert.isTrue(override == null || (override >= 0 && override <= 100), "probability must be 0-100");
        this.name = data.name().strip();
        this.amount = data.amount().setScale(2, RoundingMode.HALF_UP);
        this.currency = data.currency().strip().toUpperCase(Locale.ROOT);
        Assert.isTrue(currency.length() == 3, "currency must be an ISO 4217 code");
        this.expectedCloseDate = data.expectedCloseDate();
        this.type = data.type();
        this.probability = override == null ? stageDefaultProbability : override;
        this.nextStep = blankToNull(data.nextStep());
        this.competitor = blankToNull(data.competitor());
    }

    /** The audited fields as display text (shared.audit). */
    Map<String, @Nullable String> auditSnapshot() {
        return AuditSnapshot.builder()
                .put("name", name)
                .put("amount", amount)
                .put("currency", currency)
                .put("expectedCloseDate", expectedCloseDate)
                .put("type", type)
                .put("stage", stage)
                .put("probability", probability)
                .put("owner", ownerId)
                .put("nextStep", nextStep)
                .put("competitor", competitor)
                .put("lossReason", lossReason)
                .build();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
