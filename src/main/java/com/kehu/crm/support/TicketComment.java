package com.kehu.crm.support;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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

/** A note on a ticket: internal (agents only) or visible to the customer. */
@Entity
@Table(name = "ticket_comment")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class TicketComment {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_comment_seq")
    @SequenceGenerator(name = "ticket_comment_seq", sequenceName = "ticket_comment_seq", allocationSize = 50)
    private @Nullable Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_id", nullable = false, updatable = false)
    private Ticket ticket;

    @Column(name = "author_id", updatable = false)
    private @Nullable Long authorId;

    @Column(nullable = false, updatable = false)
    private String body;

    @Column(nullable = false, updatable = false)
    private boolean internal;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    TicketComment(Ticket ticket, long authorId, String body, boolean internal, Instant createdAt) {
        this.ticket = ticket;
        this.authorId = authorId;
        this.body = body;
        this.internal = internal;
        this.createdAt = createdAt;
    }
}
