package com.kehu.crm.order;

import com.kehu.crm.shared.domain.RecordNotFoundException;

/** No such order, or its customer is not one the user may see. */
public class OrderNotFoundException extends RecordNotFoundException {

    private OrderNotFoundException(String message) {
        super(message);
    }

    public static OrderNotFoundException forId(long id) {
        return new OrderNotFoundException("No visible order with id " + id);
    }
}
