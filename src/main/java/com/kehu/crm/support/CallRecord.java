package com.kehu.crm.support;

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
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/** One phone call an agent made or took (呼叫记录), matched to a customer by number where possible. */
@Entity
@Table(name = "call_record")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class CallRecord extends BaseEntity {

    static final int MAX_DURATION_SECONDS = 86_400;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "call_record_seq")
    @SequenceGenerator(name = "call_record_seq", sequenceName = "call_record_seq", allocationSize = 50)
    private @Nullable Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CallDirection direction;

    @Column(nullable = false)
    private String phone;

    @Column(name = "phone_digits", nullable = false)
    private String phoneDigits;

    @Column(name = "customer_id")
    private @Nullable Long customerId;

    @Column(name = "contact_id")
    private @Nullable Long contactId;

    @Column(name = "agent_id", nullable = false, updatable = false)
    private long agentId;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "duration_seconds", nullable = false)
    private int durationSeconds;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CallOutcome outcome;

    private @Nullable String notes;

    @Column(name = "ticket_id")
    private @Nullable Long ticketId;

    CallRecord(long agentId, CallData data, Instant now) {
        this.agentId = agentId;
        update(data, now);
    }

    /** {@code data}'s customer, contact and ticket have been checked against each other by the service. */
    void update(CallData data, Instant now) {
        Assert.hasText(data.phone(), "phone must not be empty");
        Assert.isTrue(
                data.durationSeconds() >= 0 && data.durationSeconds() <= MAX_DURATION_SECONDS, "duration out of range");
        Assert.isTrue(data.contactId() == null || data.customerId() != null, "a contact needs its customer");
        this.direction = data.direction();
        this.phone = data.phone().strip();
        this.phoneDigits = CallPhone.nationalDigits(phone);
        this.customerId = data.customerId();
        this.contactId = data.contactId();
        this.startedAt = data.startedAt() == null ? now : data.startedAt();
        this.durationSeconds = data.durationSeconds();
        this.outcome = data.outcome();
        this.notes = data.notes() == null || data.notes().isBlank()
                ? null
                : data.notes().strip();
        this.ticketId = data.ticketId();
    }
}
