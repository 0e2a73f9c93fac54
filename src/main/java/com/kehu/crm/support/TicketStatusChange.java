package com.kehu.crm.support;

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

/** One move of a ticket's status: from, to, who, when. Opening the ticket is the move from nothing to NEW. */
@Entity
@Table(name = "ticket_status_change")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class TicketStatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_status_change_seq")
    @SequenceGenerator(
            name = "ticket_status_change_seq",
            sequenceName = "ticket_status_change_seq",
            allocationSize = 50)
    private @Nullable Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_id", nullable = false, updatable = false)
    private Ticket ticket;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", updatable = false)
    private @Nullable TicketStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, updatable = false)
    private TicketStatus toStatus;

    @Column(name = "changed_by", updatable = false)
    private @Nullable Long changedBy;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    TicketStatusChange(
            Ticket ticket, @Nullable TicketStatus from, TicketStatus to, @Nullable Long changedBy, Instant changedAt) {
        this.ticket = ticket;
        this.fromStatus = from;
        this.toStatus = to;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }
}
