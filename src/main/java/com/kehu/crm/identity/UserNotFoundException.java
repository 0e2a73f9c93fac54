package com.kehu.crm.identity;

import com.kehu.crm.shared.domain.RecordNotFoundException;

public class UserNotFoundException extends RecordNotFoundException {

    private UserNotFoundException(String message) {
        super(message);
    }

    public static UserNotFoundException forId(long id) {
        return new UserNotFoundException("No user with id " + id);
    }
}
