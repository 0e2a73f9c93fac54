package com.kehu.crm.order;

import com.kehu.crm.shared.domain.RecordNotFoundException;

/** No such product. */
public class ProductNotFoundException extends RecordNotFoundException {

    private ProductNotFoundException(String message) {
        super(message);
    }

    public static ProductNotFoundException forId(long id) {
        return new ProductNotFoundException("No product with id " + id);
    }
}
