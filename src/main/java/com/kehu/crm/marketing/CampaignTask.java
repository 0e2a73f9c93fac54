package com.kehu.crm.marketing;

import com.kehu.crm.shared.domain.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;

/** A step of an exhibition's contact plan (展前 / 展中 / 展后 联系计划). */
@Entity
@Table(name = "campaign_task")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class CampaignTask extends BaseEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "campaign_task_seq")
    @SequenceGenerator(name = "campaign_task_seq", sequenceName = "campaign_task_seq", allocationSize = 50)
    private @Nullable Long id;

    @Column(name = "campaign_id", nullable = false, updatable = false)
    private long campaignId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CampaignTaskPhase phase;

    @Column(nullable = false)
    private String title;

    @Column(name = "due_on")
    private @Nullable LocalDate dueOn;

    @Column(name = "assignee_id")
    private @Nullable Long assigneeId;

    @Column(nullable = false)
    private boolean done;

    @Column(name = "done_at")
    private @Nullable Instant doneAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private long createdBy;

    CampaignTask(
            long campaignId,
            CampaignTaskPhase phase,
            String title,
            @Nullable LocalDate dueOn,
            @Nullable Long assigneeId,
            long createdBy) {
        if (title.isBlank()) {
            throw new CampaignRuleException("campaign.task.title.required", "A task needs a title");
        }
        this.campaignId = campaignId;
        this.phase = phase;
        this.title = title.strip();
        this.dueOn = dueOn;
        this.assigneeId = assigneeId;
        this.createdBy = createdBy;
    }

    void markDone(Instant now) {
        if (!done) {
            done = true;
            doneAt = now;
        }
    }

    void reopen() {
        done = false;
        doneAt = null;
    }
}
