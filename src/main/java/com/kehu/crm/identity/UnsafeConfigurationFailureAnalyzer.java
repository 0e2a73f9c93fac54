package com.kehu.crm.identity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a refused production start as a short message with what to do, not a stack trace. */
class UnsafeConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeConfigurationException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Set CRM_ADMIN_PASSWORD to a private passphrase of at least 8 characters, and change or disable every"
                        + " demo account before starting with the prod profile.",
                cause);
    }
}
