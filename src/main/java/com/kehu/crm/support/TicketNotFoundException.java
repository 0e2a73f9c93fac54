package com.kehu.crm.support;

import com.kehu.crm.shared.domain.RecordNotFoundException;

/** No such ticket (or category, contact, order of the customer), or one the user may not see. */
public class TicketNotFoundException extends RecordNotFoundException {

    private TicketNotFoundException(String message) {
        super(message);
    }

    public static TicketNotFoundException forId(long id) {
        return new TicketNotFoundException("No visible ticket with id " + id);
    }

    public static TicketNotFoundException of(String what, long id) {
        return new TicketNotFoundException("No " + what + " with id " + id + " for this ticket");
    }
}
