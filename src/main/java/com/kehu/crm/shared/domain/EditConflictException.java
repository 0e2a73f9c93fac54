package com.kehu.crm.shared.domain;

/** Somebody else saved the record after the user opened it (optimistic locking). */
public class EditConflictException extends RuntimeException {

    private final long currentVersion;

    public EditConflictException(String what, long expectedVersion, long currentVersion) {
        super(what + " was changed by someone else: expected version " + expectedVersion + ", found " + currentVersion);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
