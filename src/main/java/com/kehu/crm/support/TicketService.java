package com.kehu.crm.support;

import com.kehu.crm.customer.CustomerAccessLevel;
import com.kehu.crm.customer.CustomerNotFoundException;
import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.customer.Importance;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.shared.audit.AuditEvent;
import com.kehu.crm.shared.audit.AuditEventKind;
import com.kehu.crm.shared.audit.AuditLog;
import com.kehu.crm.shared.audit.AuditSnapshot;
import com.kehu.crm.shared.audit.AuditedType;
import com.kehu.crm.shared.domain.EditConflictException;
import com.kehu.crm.shared.time.BusinessCalendar;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commands on tickets: log, edit, assign or claim, move through the workflow, comment. Whoever sees the customer may
 * log a ticket and comment; support agents (and managers, admins) work it. Closing publishes {@link TicketClosed} in
 * the closing transaction.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class TicketService {

    private final TicketRepository tickets;
    private final TicketQueries queries;
    private final CustomerQueries customers;
    private final SlaPolicy sla;
    private final SupportProperties properties;
    private final BusinessCalendar calendar;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    /** Logs a ticket on a customer the user sees; due times follow the SLA of its priority and the customer's tier. */
    public long open(NewTicket command, CurrentUser user) {
        long customerId = command.customerId();
        if (!queries.canSeeCustomerTickets(customerId, user)
                || customers.accessTo(customerId, user) == CustomerAccessLevel.NONE) {
            throw CustomerNotFoundException.forId(customerId);
        }
        requireBelongs("contact", command.contactId(), customerId);
        requireBelongs("sales_order", command.orderId(), customerId);
        requireCategory(command.data().categoryId(), true);
        Long assignee = command.assigneeId();
        if (assignee != null) {
            requireAgent(user);
            requireAssignee(assignee);
        }
        var now = calendar.now();
        SlaTargets.Due due = sla.targets().dueFrom(now, command.data().priority(), tierOf(customerId));
        Ticket ticket = new Ticket(
                nextNumber(),
                customerId,
                command.contactId(),
                command.orderId(),
                command.data(),
                due,
                assignee,
                user.id(),
                now);
        tickets.save(ticket);
        long id = Objects.requireNonNull(ticket.getId());
        audit.changes(
                AuditedType.TICKET, id, user.id(), AuditSnapshot.diff(AuditSnapshot.NONE, ticket.auditSnapshot()));
        return id;
    }

    public void update(long id, long expectedVersion, TicketData data, CurrentUser user) {
        Ticket ticket = loadForWork(id, user);
        if (ticket.getVersion() != expectedVersion) {
            throw new EditConflictException("Ticket " + id, expectedVersion, ticket.getVersion());
        }
        if (data.categoryId() != ticket.getCategoryId()) {
            requireCategory(data.categoryId(), true);
        }
        SlaTargets.Due due = data.priority() == ticket.getPriority()
                ? null
                : sla.targets()
                        .dueFrom(
                                Objects.requireNonNull(ticket.getCreatedAt()),
                                data.priority(),
                                tierOf(ticket.getCustomerId()));
        audited(ticket, user, t -> t.update(data, due));
    }

    public void assign(long id, long assigneeId, CurrentUser user) {
        Ticket ticket = loadForWork(id, user);
        requireAssignee(assigneeId);
        audited(ticket, user, t -> t.assignTo(assigneeId, user.id(), calendar.now()));
    }

    /** One-click claim from the queue: the agent takes the ticket. */
    public void claim(long id, CurrentUser user) {
        Ticket ticket = loadForWork(id, user);
        audited(ticket, user, t -> t.assignTo(user.id(), user.id(), calendar.now()));
    }

    public void changeStatus(long id, TicketStatus status, TicketResolution resolution, CurrentUser user) {
        Ticket ticket = loadForWork(id, user);
        var now = calendar.now();
        audited(ticket, user, t -> t.moveTo(status, resolution, user.id(), now, properties.reopenWindow()));
        if (status == TicketStatus.CLOSED) {
            events.publishEvent(
                    new TicketClosed(ticket.getId(), ticket.getCustomerId(), ticket.getContactId(), user.id()));
        }
    }

    /** A comment; only agents write internal ones, a rep's comment is always internal (not to the customer). */
    public void comment(long id, String body, boolean internal, CurrentUser user) {
        Ticket ticket = load(id, user);
        boolean agent = TicketQueries.isAgent(user);
        ticket.comment(user.id(), body, internal || !agent, calendar.now());
    }

    /**
     * Deletes a ticket logged by mistake: only while it is NEW, by an agent or whoever logged it, and only when no
     * comment, call or knowledge-base link refers to it. A worked ticket is part of the customer's history and stays.
     */
    public void delete(long id, CurrentUser user) {
        Ticket ticket = load(id, user);
        if (!TicketQueries.isAgent(user) && !java.util.Objects.equals(ticket.getCreatedBy(), user.id())) {
            throw new AccessDeniedException("Only agents or the ticket's author delete it");
        }
        boolean referenced = jdbc.sql("""
                        select exists (select 1 from ticket_comment where ticket_id = :id)
                            or exists (select 1 from call_record where ticket_id = :id)
                            or exists (select 1 from ticket_kb_article where ticket_id = :id)""").param("id", id).query(Boolean.class).single();
        if (ticket.getStatus() != TicketStatus.NEW || referenced) {
            throw new TicketRuleException("ticket.delete.notAllowed", "Ticket " + id + " has been worked on");
        }
        jdbc.sql("delete from ticket_escalation where ticket_id = :id")
                .param("id", id)
                .update();
        tickets.delete(ticket);
        audit.record(
                AuditEvent.of(AuditEventKind.DELETE, user.id(), user.username(), "Deleted ticket " + ticket.getNumber())
                        .about(AuditedType.TICKET.name(), id)
                        .with(AuditLog.facts("customerId", ticket.getCustomerId(), "subject", ticket.getSubject())));
    }

    /** Applies a change and records its field changes in this transaction (no change without its history). */
    private void audited(Ticket ticket, CurrentUser user, Consumer<Ticket> change) {
        Map<String, @Nullable String> before = ticket.auditSnapshot();
        change.accept(ticket);
        audit.changes(
                AuditedType.TICKET,
                Objects.requireNonNull(ticket.getId()),
                user.id(),
                AuditSnapshot.diff(before, ticket.auditSnapshot()));
    }

    Ticket load(long id, CurrentUser user) {
        Ticket ticket = tickets.findById(id).orElseThrow(() -> TicketNotFoundException.forId(id));
        if (!queries.isVisible(id, user)) {
            throw TicketNotFoundException.forId(id);
        }
        return ticket;
    }

    private Ticket loadForWork(long id, CurrentUser user) {
        Ticket ticket = load(id, user);
        requireAgent(user);
        return ticket;
    }

    private static void requireAgent(CurrentUser user) {
        if (!TicketQueries.isAgent(user)) {
            throw new AccessDeniedException("Only support agents work tickets");
        }
    }

    private Importance tierOf(long customerId) {
        return customers.importanceOf(customerId).orElseThrow(() -> CustomerNotFoundException.forId(customerId));
    }

    /** T + year + six digits: T2026000123. */
    private String nextNumber() {
        long n = jdbc.sql("select nextval('ticket_number_seq')")
                .query(Long.class)
                .single();
        return "T" + calendar.today().getYear() + String.format("%06d", n);
    }

    private void requireBelongs(String table, @Nullable Long id, long customerId) {
        if (id == null) {
            return;
        }
        // the table name is one of two constants of this class
        String sql = "contact".equals(table)
                ? "select exists (select 1 from contact where id = :id and customer_id = :customerId)"
                : "select exists (select 1 from sales_order where id = :id and customer_id = :customerId)";
        boolean belongs = jdbc.sql(sql)
                .param("id", id)
                .param("customerId", customerId)
                .query(Boolean.class)
                .single();
        if (!belongs) {
            throw TicketNotFoundException.of(table, id);
        }
    }

    private void requireCategory(long categoryId, boolean active) {
        boolean exists = jdbc.sql(
                        "select exists (select 1 from ticket_category where id = :id and (active or not :active))")
                .param("id", categoryId)
                .param("active", active)
                .query(Boolean.class)
                .single();
        if (!exists) {
            throw new TicketRuleException("ticket.category.invalid", "No active category " + categoryId);
        }
    }

    private void requireAssignee(long assigneeId) {
        if (queries.assignees().stream().noneMatch(a -> a.id() == assigneeId)) {
            throw new TicketRuleException("ticket.assignee.invalid", "User " + assigneeId + " cannot take tickets");
        }
    }
}
