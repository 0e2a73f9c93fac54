package com.kehu.crm.order;

import com.kehu.crm.shared.domain.RecordNotFoundException;

/** No such product category. */
public class ProductCategoryNotFoundException extends RecordNotFoundException {

    private ProductCategoryNotFoundException(String message) {
        super(message);
    }

    public static ProductCategoryNotFoundException forId(long id) {
        return new ProductCategoryNotFoundException("No product category with id " + id);
    }
}
