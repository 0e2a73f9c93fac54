package com.kehu.crm.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per username (existing or not, so a lock says nothing about which usernames exist) and
 * locks the name for a while after too many. Kept in PostgreSQL so every instance sees the same counts.
 */
@Component
@RequiredArgsConstructor
class LoginThrottle {

    private final JdbcClient jdbc;
    private final IdentityProperties properties;

    boolean isLocked(String username) {
        return jdbc.sql("select count(*) from login_attempt where username_key = :key and locked_until > :now")
                        .param("key", key(username))
                        .param("now", Timestamp.from(Instant.now()))
                        .query(Long.class)
                        .single()
                > 0;
    }

    void recordFailure(String username) {
        Instant now = Instant.now();
        jdbc.sql("""
                        insert into login_attempt (username_key, failures, last_failure_at, locked_until)
                        values (:key, 1, :now, case when 1 >= :max then cast(:lockUntil as timestamptz) end)
                        on conflict (username_key) do update set
                            failures = case when login_attempt.last_failure_at < :windowStart then 1
                                            else login_attempt.failures + 1 end,
                            last_failure_at = :now,
                            locked_until = case
                                when (case when login_attempt.last_failure_at < :windowStart then 1
                                           else login_attempt.failures + 1 end) >= :max
                                then cast(:lockUntil as timestamptz)
                                else login_attempt.locked_until end""")
                .param("key", key(username))
                .param("now", Timestamp.from(now))
                .param("max", properties.maxFailures())
                .param("lockUntil", Timestamp.from(now.plus(properties.lockDuration())))
                .param("windowStart", Timestamp.from(now.minus(properties.failureWindow())))
                .update();
    }

    void recordSuccess(String username) {
        jdbc.sql("delete from login_attempt where username_key = :key")
                .param("key", key(username))
                .update();
    }

    /** Forgets old failures so the table does not grow with every name an attacker tries. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purgeExpired() {
        Instant cutoff = Instant.now().minus(properties.failureWindow()).minus(properties.lockDuration());
        jdbc.sql("delete from login_attempt where last_failure_at < :cutoff and "
                        + "(locked_until is null or locked_until < now())")
                .param("cutoff", Timestamp.from(cutoff))
                .update();
    }

    private static String key(String username) {
        String k = username.strip().toLowerCase(Locale.ROOT);
        return k.length() > 100 ? k.substring(0, 100) : k;
    }
}
