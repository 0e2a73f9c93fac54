package com.kehu.crm.customer;

/** The code the user typed belongs to another customer. */
public class DuplicateCustomerCodeException extends RuntimeException {

    public DuplicateCustomerCodeException(String code) {
        super("Customer code already in use: " + code);
    }
}
