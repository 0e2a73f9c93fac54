package com.kehu.crm.identity;

/** The production profile was started with a setting that would leave the CRM open (a demo password, say). */
public class UnsafeConfigurationException extends RuntimeException {

    public UnsafeConfigurationException(String message) {
        super(message);
    }
}
