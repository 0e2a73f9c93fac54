package com.kehu.crm.support;

import com.kehu.crm.shared.domain.RecordNotFoundException;

/** A ticket that does not exist or whose customer the user may not see, as the knowledge base and calls ask. */
public class KbTicketNotFoundException extends RecordNotFoundException {

    private KbTicketNotFoundException(String message) {
        super(message);
    }

    public static KbTicketNotFoundException forId(long id) {
        return new KbTicketNotFoundException("No visible ticket with id " + id);
    }
}
