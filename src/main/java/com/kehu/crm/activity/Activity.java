package com.kehu.crm.activity;

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
import java.util.Objects;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * A contact with a customer or lead, or a task to do. Hangs off a customer or a lead for life (referenced by id);
 * contact and deal are optional references checked by the service.
 */
@Entity
@Table(name = "activity")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class Activity extends BaseEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "activity_seq")
    @SequenceGenerator(name = "activity_seq", sequenceName = "activity_seq", allocationSize = 50)
    private @Nullable Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ActivityType type;

    @Column(nullable = false)
    private String subject;

    private @Nullable String details;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "customer_id", updatable = false)
    private @Nullable Long customerId;

    @Column(name = "contact_id")
    private @Nullable Long contactId;

    @Column(name = "opportunity_id")
    private @Nullable Long opportunityId;

    @Column(name = "lead_id", updatable = false)
    private @Nullable Long leadId;

    @Column(name = "owner_id", nullable = false)
    private long ownerId;

    @Column(name = "created_by", nullable = false, updatable = false)
    private long createdBy;

    @Column(name = "next_follow_up_on")
    private @Nullable LocalDate nextFollowUpOn;

    @Column(nullable = false)
    private boolean done;

    @Column(name = "done_at")
    private @Nullable Instant doneAt;

    @Column(name = "remind_at")
    private @Nullable Instant remindAt;

    @Column(name = "reminded_at")
    private @Nullable Instant remindedAt;

    Activity(@Nullable Long customerId, @Nullable Long leadId, ActivityData data, long ownerId) {
        Assert.isTrue(customerId != null || leadId != null, "an activity needs a customer or a lead");
        this.customerId = customerId;
        this.leadId = leadId;
        this.ownerId = ownerId;
        this.createdBy = ownerId;
        update(data);
    }

    void update(ActivityData data) {
        Assert.hasText(data.subject(), "subject must not be empty");
        Assert.isTrue(data.type().isTask() || !done, "a done task stays a task");
        Assert.isTrue(
                customerId != null || (data.contactId() == null && data.opportunityId() == null),
                "contact and deal need a customer");
        this.type = data.type();
        this.subject = data.subject().strip();
        this.details = data.details() == null || data.details().isBlank()
                ? null
                : data.details().strip();
        this.occurredAt = data.occurredAt();
        this.contactId = data.contactId();
        this.opportunityId = data.opportunityId();
        this.nextFollowUpOn = data.nextFollowUpOn();
        Instant remind = type.isTask() ? data.remindAt() : null;
        if (!Objects.equals(remind, remindAt)) {
            // a new reminder time is a new reminder
            this.remindedAt = null;
        }
        this.remindAt = remind;
    }

    void markDone(Instant now) {
        if (!type.isTask()) {
            throw new IllegalStateException("Activity " + id + " is not a task");
        }
        if (!done) {
            this.done = true;
            this.doneAt = now;
        }
    }

    boolean isOwnedBy(long userId) {
        return ownerId == userId;
    }
}
