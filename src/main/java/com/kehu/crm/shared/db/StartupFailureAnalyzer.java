package com.kehu.crm.shared.db;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a database problem at start-up into a short message with what to do, instead of a stack trace. */
public class StartupFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnavailableException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Start PostgreSQL (for example: pg_ctlcluster 15 main start) or point SPRING_DATASOURCE_URL,"
                        + " SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD at a reachable server. Without"
                        + " SPRING_DATASOURCE_URL the demo mode starts an embedded PostgreSQL by itself.",
                cause);
    }
}
