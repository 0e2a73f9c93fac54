package com.kehu.crm.identity;

/** The current password typed on the change-password form is wrong. */
public class WrongPasswordException extends RuntimeException {

    public WrongPasswordException() {
        super("Current password does not match");
    }
}
