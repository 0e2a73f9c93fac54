package com.kehu.crm.support;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * A customer's complaint, inquiry, request, suggestion or repair, moving through the {@link TicketStatus}es under
 * SLA due times. Every status move is recorded; the first public comment or status move by an agent is the first
 * response; resolving needs a summary; a resolved ticket reopens only within the reopen window.
 */
@Entity
@Table(name = "ticket")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class Ticket extends BaseEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_seq")
    @SequenceGenerator(name = "ticket_seq", sequenceName = "ticket_seq", allocationSize = 50)
    private @Nullable Long id;

    @Column(nullable = false, updatable = false)
    private String number;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private long customerId;

    @Column(name = "contact_id")
    private @Nullable Long contactId;

    @Column(name = "order_id")
    private @Nullable Long orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TicketChannel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TicketType type;

    @Column(name = "category_id", nullable = false)
    private long categoryId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TicketPriority priority;

    @Column(nullable = false)
    private String subject;

    private @Nullable String description;

    @Column(name = "assignee_id")
    private @Nullable Long assigneeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TicketStatus status;

    @Column(name = "first_response_due_at", nullable = false)
    private Instant firstResponseDueAt;

    @Column(name = "resolution_due_at", nullable = false)
    private Instant resolutionDueAt;

    @Column(name = "first_responded_at")
    private @Nullable Instant firstRespondedAt;

    @Column(name = "resolved_at")
    private @Nullable Instant resolvedAt;

    @Column(name = "closed_at")
    private @Nullable Instant closedAt;

    @Column(name = "resolution_summary")
    private @Nullable String resolutionSummary;

    @Column(name = "compensation_requested")
    private @Nullable String compensationRequested;

    @Column(name = "compensation_granted")
    private @Nullable String compensationGranted;

    @Column(name = "compensation_amount", precision = 19, scale = 2)
    private @Nullable BigDecimal compensationAmount;

    @Column(name = "remedial_action")
    private @Nullable String remedialAction;

    @Column(name = "escalation_level", nullable = false)
    private int escalationLevel;

    @Column(name = "last_escalated_at")
    private @Nullable Instant lastEscalatedAt;

    @Column(name = "created_by", updatable = false)
    private @Nullable Long createdBy;

    @OneToMany(mappedBy = "ticket", cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    private List<TicketStatusChange> statusChanges = new ArrayList<>();

    @OneToMany(mappedBy = "ticket", cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    private List<TicketComment> comments = new ArrayList<>();

    Ticket(
            String number,
            long customerId,
            @Nullable Long contactId,
            @Nullable Long orderId,
            TicketData data,
            SlaTargets.Due due,
            @Nullable Long assigneeId,
            long createdBy,
            Instant now) {
        this.number = number;
        this.customerId = customerId;
        this.contactId = contactId;
        this.orderId = orderId;
        apply(data);
        this.firstResponseDueAt = due.firstResponseDueAt();
        this.resolutionDueAt = due.resolutionDueAt();
        this.createdBy = createdBy;
        this.status = TicketStatus.NEW;
        statusChanges.add(new TicketStatusChange(this, null, TicketStatus.NEW, createdBy, now));
        if (assigneeId != null) {
            assignTo(assigneeId, createdBy, now);
        }
    }

    /** Edits the facts; a changed priority moves the due times ({@code dueForPriority} from the SLA table). */
    void update(TicketData data, SlaTargets.@Nullable Due dueForPriority) {
        requireOpen("ticket.closed.noEdit");
        TicketPriority before = priority;
        apply(data);
        if (priority != before && dueForPriority != null) {
            this.firstResponseDueAt = dueForPriority.firstResponseDueAt();
            this.resolutionDueAt = dueForPriority.resolutionDueAt();
        }
    }

    /** Gives the ticket to an agent; a new ticket becomes assigned. */
    void assignTo(long assignee, long by, Instant now) {
        requireOpen("ticket.closed.noAssign");
        this.assigneeId = assignee;
        if (status == TicketStatus.NEW) {
            record(TicketStatus.ASSIGNED, by, now);
        }
    }

    /**
     * Moves the ticket. Resolving needs a summary (and keeps the complaint's compensation and remedial action);
     * reopening a resolved ticket is allowed only within {@code reopenWindow} of its resolution.
     */
    void moveTo(TicketStatus next, TicketResolution resolution, long by, Instant now, Duration reopenWindow) {
        if (next == status) {
            return;
        }
        if (!status.canMoveTo(next)) {
            throw new TicketRuleException("ticket.status.notAllowed", "Ticket " + id + ": " + status + " → " + next);
        }
        if (next == TicketStatus.RESOLVED) {
            resolve(resolution, now);
        } else if (status == TicketStatus.RESOLVED && next == TicketStatus.IN_PROGRESS) {
            if (resolvedAt != null && now.isAfter(resolvedAt.plus(reopenWindow))) {
                throw new TicketRuleException(
                        "ticket.reopen.windowPassed", "Ticket " + id + " resolved at " + resolvedAt);
            }
            this.resolvedAt = null;
        } else if (next == TicketStatus.CLOSED) {
            this.closedAt = now;
        }
        record(next, by, now);
        respond(now);
    }

    /** A comment; a public one is the first response if none was given yet. A closed ticket takes no comments. */
    TicketComment comment(long author, String body, boolean internal, Instant now) {
        if (status == TicketStatus.CLOSED) {
            throw new TicketRuleException("ticket.closed.noComment", "Ticket " + id + " is closed");
        }
        Assert.hasText(body, "comment must not be empty");
        TicketComment comment = new TicketComment(this, author, body.strip(), internal, now);
        comments.add(comment);
        if (!internal) {
            respond(now);
        }
        return comment;
    }

    /**
     * One escalation step at {@code level}: optionally raises the priority one step. The due times stay: the
     * escalation is about attention, and moving the deadline would escalate the ticket again at once.
     */
    @Nullable
    TicketPriority escalate(int level, boolean raisePriority, Instant now) {
        this.escalationLevel = Math.max(escalationLevel, level);
        this.lastEscalatedAt = now;
        if (raisePriority && priority != TicketPriority.URGENT) {
            this.priority = priority.raised();
            return priority;
        }
        return null;
    }

    boolean firstResponseBreached(Instant now) {
        return firstRespondedAt == null
                ? status.isOpen() && now.isAfter(firstResponseDueAt)
                : firstRespondedAt.isAfter(firstResponseDueAt);
    }

    boolean resolutionBreached(Instant now) {
        Instant done = resolvedAt != null ? resolvedAt : closedAt;
        return done == null ? now.isAfter(resolutionDueAt) : done.isAfter(resolutionDueAt);
    }

    private void resolve(TicketResolution resolution, Instant now) {
        if (resolution.summary() == null || resolution.summary().isBlank()) {
            throw new TicketRuleException("ticket.resolution.required", "Ticket " + id + " resolved without summary");
        }
        BigDecimal amount = resolution.compensationAmount();
        if (amount != null && amount.signum() < 0) {
            throw new TicketRuleException("ticket.compensation.negative", "Ticket " + id + ": negative compensation");
        }
        this.resolutionSummary = resolution.summary().strip();
        if (type == TicketType.COMPLAINT) {
            this.compensationRequested = blankToNull(resolution.compensationRequested());
            this.compensationGranted = blankToNull(resolution.compensationGranted());
            this.compensationAmount = amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
            this.remedialAction = blankToNull(resolution.remedialAction());
        }
        this.resolvedAt = now;
    }

    private void respond(Instant now) {
        if (firstRespondedAt == null) {
            this.firstRespondedAt = now;
        }
    }

    private void record(TicketStatus next, long by, Instant now) {
        statusChanges.add(new TicketStatusChange(this, status, next, by, now));
        this.status = next;
    }

    private void requireOpen(String reasonKey) {
        if (!status.isOpen()) {
            throw new TicketRuleException(reasonKey, "Ticket " + id + " is " + status);
        }
    }

    /** The audited fields as display text (shared.audit). */
    Map<String, @Nullable String> auditSnapshot() {
        return AuditSnapshot.builder()
                .put("subject", subject)
                .put("description", description)
                .put("channel", channel)
                .put("type", type)
                .put("category", categoryId)
                .put("priority", priority)
                .put("status", status)
                .put("assignee", assigneeId)
                .put("resolutionSummary", resolutionSummary)
                .put("compensationRequested", compensationRequested)
                .put("compensationGranted", compensationGranted)
                .put("compensationAmount", compensationAmount)
                .put("remedialAction", remedialAction)
                .build();
    }

    private void apply(TicketData data) {
        Assert.hasText(data.subject(), "subject must not be empty");
        Assert.isTrue(data.subject().strip().length() <= 200, "subject must be at most 200 characters");
        this.channel = data.channel();
        this.type = data.type();
        this.categoryId = data.categoryId();
        this.priority = data.priority();
        this.subject = data.subject().strip();
        this.description = blankToNull(data.description());
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
