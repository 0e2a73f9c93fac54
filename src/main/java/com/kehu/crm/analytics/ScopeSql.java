package com.kehu.crm.analytics;

import com.kehu.crm.identity.OwnerScope;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The record rules of every analytics query as SQL: a condition on an owner column (written by the caller, never
 * input) with the owner ids as a bind parameter, and the period parameters of the period reports.
 */
final class ScopeSql {

    private ScopeSql() {}

    /** "true" for everyone, "false" for no one, else {@code ownerColumn = any(:owners)}. */
    static String condition(OwnerScope scope, String ownerColumn) {
        return scope.all() ? "true" : scope.isEmpty() ? "false" : ownerColumn + " = any(:owners)";
    }

    /** Binds :owners when {@link #condition} needs it. */
    static JdbcClient.StatementSpec owners(JdbcClient.StatementSpec spec, OwnerScope scope) {
        return scope.all() || scope.isEmpty() ? spec : spec.param("owners", scope.ownerIdArray());
    }

    /** Binds :owners and the period: :from and :to (days, both included) and :to_end (the instant after :to). */
    static JdbcClient.StatementSpec period(
            JdbcClient.StatementSpec spec, OwnerScope scope, LocalDate from, LocalDate to) {
        return owners(spec.param("from", from).param("to", to).param("to_end", to.plusDays(1)), scope);
    }
}
