package com.kehu.crm.support;

import com.kehu.crm.identity.UserQueries;
import com.kehu.crm.notification.NotificationService;
import com.kehu.crm.shared.time.BusinessCalendar;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 升级: every minute, open tickets within {@code warn-before} of a due time (level 1) or past it (level 2) are
 * escalated once per due time and level. Each step is claimed with an INSERT … ON CONFLICT DO NOTHING RETURNING on
 * the step's unique key before anything is done, in the step's own transaction: a second instance running at the
 * same moment waits on the key, finds the step taken and does nothing.
 */
@Service
public class EscalationService {

    private static final Logger log = LoggerFactory.getLogger(EscalationService.class);
    private static final int BATCH = 200;

    /** Candidates by the partial indexes on the due times; steps already taken at this level are skipped. */
    private static final String FIRST_RESPONSE_DUE = """
            select t.id, t.first_response_due_at as due_at from ticket t
            where t.first_responded_at is null and t.status not in ('RESOLVED', 'CLOSED')
              and t.first_response_due_at <= :soon
              and not exists (select 1 from ticket_escalation e where e.ticket_id = t.id and e.kind = 'FIRST_RESPONSE'
                              and e.level >= case when t.first_response_due_at <= :now then 2 else 1 end)
            order by t.first_response_due_at limit :batch""";

    private static final String RESOLUTION_DUE = """
            select t.id, t.resolution_due_at as due_at from ticket t
            where t.status not in ('RESOLVED', 'CLOSED') and t.resolution_due_at <= :soon
              and not exists (select 1 from ticket_escalation e where e.ticket_id = t.id and e.kind = 'RESOLUTION'
                              and e.level >= case when t.resolution_due_at <= :now then 2 else 1 end)
            order by t.resolution_due_at limit :batch""";

    /** Claims the step while the ticket is still open; a second run's insert waits on the key and returns nothing. */
    private static final String CLAIM = """
            insert into ticket_escalation (id, ticket_id, kind, level, action, escalated_at)
            select nextval('ticket_escalation_seq'), t.id, :kind, :level, :action, :now from ticket t
            where t.id = :ticketId and t.status not in ('RESOLVED', 'CLOSED')
            on conflict (ticket_id, kind, level) do nothing
            returning id""";

    private final JdbcClient jdbc;
    private final TicketRepository tickets;
    private final UserQueries users;
    private final NotificationService notifications;
    private final SupportProperties properties;
    private final BusinessCalendar calendar;
    private final TransactionTemplate transactions;

    EscalationService(
            JdbcClient jdbc,
            TicketRepository tickets,
            UserQueries users,
            NotificationService notifications,
            SupportProperties properties,
            BusinessCalendar calendar,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.users = users;
        this.notifications = notifications;
        this.properties = properties;
        this.calendar = calendar;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    private record Candidate(long ticketId, EscalationKind kind, Instant dueAt) {}

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    public void run() {
        if (properties.escalation().enabled()) {
            int steps = escalateDue();
            if (steps > 0) {
                log.info("Escalated {} ticket steps", steps);
            }
        }
    }

    /** One pass: finds the due steps and takes each that no other run has taken. Returns the steps taken here. */
    public int escalateDue() {
        Instant now = calendar.now();
        Instant soon = now.plus(properties.escalation().warnBefore());
        List<Candidate> candidates = new ArrayList<>();
        candidates.addAll(candidates(FIRST_RESPONSE_DUE, EscalationKind.FIRST_RESPONSE, now, soon));
        candidates.addAll(candidates(RESOLUTION_DUE, EscalationKind.RESOLUTION, now, soon));
        int taken = 0;
        for (Candidate c : candidates) {
            int level = c.dueAt().isAfter(now) ? 1 : 2;
            try {
                Boolean done = transactions.execute(status -> step(c, level, now));
                if (Boolean.TRUE.equals(done)) {
                    taken++;
                }
            } catch (RuntimeException e) {
                // an agent saved the ticket at the same moment: the step rolled back and is retried next minute
                log.warn("Escalating ticket {} ({}) failed: {}", c.ticketId(), c.kind(), e.toString());
            }
        }
        return taken;
    }

    private List<Candidate> candidates(String sql, EscalationKind kind, Instant now, Instant soon) {
        return jdbc.sql(sql)
                .param("now", Timestamp.from(now))
                .param("soon", Timestamp.from(soon))
                .param("batch", BATCH)
                .query((rs, n) -> new Candidate(
                        rs.getLong("id"), kind, rs.getTimestamp("due_at").toInstant()))
                .list();
    }

    private boolean step(Candidate c, int level, Instant now) {
        boolean notify = properties.escalation().actions().contains(EscalationAction.NOTIFY_MANAGER);
        boolean raise = properties.escalation().actions().contains(EscalationAction.RAISE_PRIORITY);
        Optional<Long> claimed = jdbc.sql(CLAIM)
                .param("ticketId", c.ticketId())
                .param("kind", c.kind().name())
                .param("level", level)
                .param("action", notify ? "MANAGER_NOTIFIED" : "PRIORITY_RAISED")
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .optional();
        if (claimed.isEmpty()) {
            return false;
        }
        // read after the claim, so a step taken by another run just before is seen
        Ticket ticket = tickets.findById(c.ticketId()).orElseThrow();
        List<Long> recipients = notify ? recipients(ticket.getAssigneeId()) : List.of();
        TicketPriority raisedTo = ticket.escalate(level, raise, now);
        jdbc.sql("""
                        update ticket_escalation set notified_user_id = :notified,
                            notified_user_ids = cast(:notifiedIds as bigint[]), priority_raised_to = :priority
                        where id = :id""")
                .param("notified", recipients.size() == 1 ? recipients.get(0) : null)
                .param(
                        "notifiedIds",
                        "{"
                                + String.join(
                                        ",",
                                        recipients.stream().map(String::valueOf).toList()) + "}")
                .param("priority", raisedTo == null ? null : raisedTo.name())
                .param("id", claimed.get())
                .update();
        String messageKey = "notification.ticketEscalated." + c.kind().name() + "." + level;
        for (long recipient : recipients) {
            notifications.notify(
                    recipient,
                    "TICKET_ESCALATED",
                    messageKey,
                    List.of(ticket.getNumber(), ticket.getSubject()),
                    "/tickets/" + ticket.getId(),
                    "ticket-escalation:" + ticket.getId() + ":" + c.kind() + ":" + level);
        }
        return true;
    }

    /** The assignee's team manager; for an unassigned ticket or an assignee without one, every enabled manager. */
    private List<Long> recipients(@Nullable Long assigneeId) {
        if (assigneeId != null) {
            Optional<Long> manager = users.managerOf(assigneeId);
            if (manager.isPresent()) {
                return List.of(manager.get());
            }
        }
        return jdbc.sql("select id from app_user where enabled and role = 'MANAGER' order by id")
                .query(Long.class)
                .list();
    }
}
