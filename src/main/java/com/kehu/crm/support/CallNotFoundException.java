package com.kehu.crm.support;

import com.kehu.crm.shared.domain.RecordNotFoundException;

/** No such call record, or one the user may not see. */
public class CallNotFoundException extends RecordNotFoundException {

    private CallNotFoundException(String message) {
        super(message);
    }

    public static CallNotFoundException forId(long id) {
        return new CallNotFoundException("No visible call record with id " + id);
    }
}
