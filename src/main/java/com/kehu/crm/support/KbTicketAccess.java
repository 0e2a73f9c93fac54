package com.kehu.crm.support;

import com.kehu.crm.customer.CustomerAccessLevel;
import com.kehu.crm.customer.CustomerQueries;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.Role;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which tickets the knowledge base and call records may refer to: support agents (and those above them) see every
 * ticket; everybody else only the tickets of customers they may read. Read with SQL on the ticket table so this
 * side does not wait for the ticket service.
 */
@Component
@Transactional(readOnly = true)
@RequiredArgsConstructor
class KbTicketAccess {

    private final JdbcClient jdbc;
    private final CustomerQueries customers;

    /** The ticket's customer, or a not-found exception when the ticket is missing or hidden from the user. */
    long requireVisible(long ticketId, CurrentUser user) {
        Long customerId = jdbc.sql("select customer_id from ticket where id = :id")
                .param("id", ticketId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> KbTicketNotFoundException.forId(ticketId));
        if (seesAllTickets(user)) {
            return customerId;
        }
        if (user.is(Role.MARKETER) || customers.accessTo(customerId, user) == CustomerAccessLevel.NONE) {
            throw KbTicketNotFoundException.forId(ticketId);
        }
        return customerId;
    }

    static boolean seesAllTickets(CurrentUser user) {
        return user.is(Role.SUPPORT_AGENT) || user.isAdmin();
    }
}
