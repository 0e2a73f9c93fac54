package com.kehu.crm.customer;

/** The chosen owner is not somebody the user may hand customers to (outside their team, or not a seller). */
public class OwnerNotAssignableException extends RuntimeException {

    public OwnerNotAssignableException(long ownerId) {
        super("Owner " + ownerId + " cannot be assigned by this user");
    }
}
