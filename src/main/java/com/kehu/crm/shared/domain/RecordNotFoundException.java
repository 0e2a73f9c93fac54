package com.kehu.crm.shared.domain;

/**
 * A record does not exist or the current user may not see it. Both cases look the same to the user (404), so
 * that guessing ids reveals nothing.
 */
public abstract class RecordNotFoundException extends RuntimeException {

    protected RecordNotFoundException(String message) {
        super(message);
    }
}
