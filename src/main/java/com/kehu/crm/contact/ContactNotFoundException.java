package com.kehu.crm.contact;

import com.kehu.crm.shared.domain.RecordNotFoundException;

/** No such contact, or its customer is not one the user may see. */
public class ContactNotFoundException extends RecordNotFoundException {

    private ContactNotFoundException(String message) {
        super(message);
    }

    public static ContactNotFoundException forId(long id) {
        return new ContactNotFoundException("No visible contact with id " + id);
    }
}
