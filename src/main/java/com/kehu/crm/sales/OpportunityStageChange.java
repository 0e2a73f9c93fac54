package com.kehu.crm.sales;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;

/** One move of a deal through the pipeline, with who moved it and when; append-only. */
@Entity
@Table(name = "opportunity_stage_change")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class OpportunityStageChange {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "opportunity_stage_change_seq")
    @SequenceGenerator(
            name = "opportunity_stage_change_seq",
            sequenceName = "opportunity_stage_change_seq",
            allocationSize = 50)
    private @Nullable Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "opportunity_id", nullable = false, updatable = false)
    private Opportunity opportunity;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_stage", updatable = false)
    private @Nullable PipelineStage fromStage;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_stage", nullable = false, updatable = false)
    private PipelineStage toStage;

    @Column(name = "changed_by", updatable = false)
    private @Nullable Long changedBy;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    OpportunityStageChange(
            Opportunity opportunity,
            @Nullable PipelineStage fromStage,
            PipelineStage toStage,
            @Nullable Long changedBy,
            Instant changedAt) {
        this.opportunity = opportunity;
        this.fromStage = fromStage;
        this.toStage = toStage;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }
}
