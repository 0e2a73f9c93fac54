package com.kehu.crm.support;

import com.kehu.crm.customer.CustomerAccessLevel;
import com.kehu.crm.customer.CustomerNotFoundException;
import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.Role;
import com.kehu.crm.shared.domain.EditConflictException;
import com.kehu.crm.shared.time.BusinessCalendar;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Logging and correcting calls. The agent is the user who logs the call. A customer must be one the user may read;
 * a contact or a ticket fills in the customer when none was chosen and must belong to it otherwise. A call is
 * corrected by its agent, support agents, managers and admins who can see it.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class CallService {

    private final CallRecordRepository calls;
    private final CallQueries queries;
    private final CustomerQueries customers;
    private final KbTicketAccess tickets;
    private final JdbcClient jdbc;
    private final BusinessCalendar calendar;

    public long log(CallData data, CurrentUser user) {
        requireCaller(user);
        return calls.save(new CallRecord(user.id(), checked(data, user), calendar.now()))
                .getId();
    }

    public void update(long id, long expectedVersion, CallData data, CurrentUser user) {
        CallRow visible = queries.details(id, user);
        if (visible.agentId() != user.id() && user.is(Role.SALES_REP)) {
            throw new AccessDeniedException("Only the agent corrects call " + id);
        }
        CallRecord call = calls.findById(id).orElseThrow(() -> CallNotFoundException.forId(id));
        if (call.getVersion() != expectedVersion) {
            throw new EditConflictException("Call " + id, expectedVersion, call.getVersion());
        }
        call.update(checked(data, user), calendar.now());
    }

    private CallData checked(CallData data, CurrentUser user) {
        Long customerId = data.customerId();
        Long contactId = data.contactId();
        Long ticketId = data.ticketId();
        if (contactId != null) {
            Long contactCustomer = jdbc.sql("select customer_id from contact where id = :id")
                    .param("id", contactId)
                    .query(Long.class)
                    .optional()
                    .orElseThrow(() -> new CallLinkException("contactId"));
            customerId = sameCustomer(customerId, contactCustomer, "contactId");
        }
        if (ticketId != null) {
            customerId = sameCustomer(customerId, tickets.requireVisible(ticketId, user), "ticketId");
        }
        if (customerId != null && customers.accessTo(customerId, user) == CustomerAccessLevel.NONE) {
            throw CustomerNotFoundException.forId(customerId);
        }
        return new CallData(
                data.direction(),
                data.phone(),
                customerId,
                contactId,
                data.startedAt(),
                data.durationSeconds(),
                data.outcome(),
                data.notes(),
                ticketId);
    }

    private static Long sameCustomer(@Nullable Long chosen, long linked, String field) {
        if (chosen != null && chosen != linked) {
            throw new CallLinkException(field);
        }
        return linked;
    }

    private static void requireCaller(CurrentUser user) {
        if (!CallQueries.canUseCalls(user)) {
            throw new AccessDeniedException("Marketers do not log calls");
        }
    }
}
