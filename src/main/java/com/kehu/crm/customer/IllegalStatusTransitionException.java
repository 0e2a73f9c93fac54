package com.kehu.crm.customer;

/** A status change the workflow does not allow, such as an actual customer going back to potential. */
public class IllegalStatusTransitionException extends RuntimeException {

    private final CustomerStatus from;
    private final CustomerStatus to;

    public IllegalStatusTransitionException(CustomerStatus from, CustomerStatus to) {
        super("Customer status cannot move from " + from + " to " + to);
        this.from = from;
        this.to = to;
    }

    public CustomerStatus from() {
        return from;
    }

    public CustomerStatus to() {
        return to;
    }
}
