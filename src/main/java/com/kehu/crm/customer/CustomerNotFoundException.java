package com.kehu.crm.customer;

import com.kehu.crm.shared.domain.RecordNotFoundException;

/** No such customer, or not one the user may see. */
public class CustomerNotFoundException extends RecordNotFoundException {

    private CustomerNotFoundException(String message) {
        super(message);
    }

    public static CustomerNotFoundException forId(long id) {
        return new CustomerNotFoundException("No visible customer with id " + id);
    }
}
