package com.kehu.crm.shared.db;

import org.jspecify.annotations.Nullable;

/** The application cannot start because its database cannot be reached, created or started. */
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
