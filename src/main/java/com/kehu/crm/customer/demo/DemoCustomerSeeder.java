package com.kehu.crm.customer.demo;

import com.kehu.crm.identity.UserQueries;
import com.kehu.crm.identity.UserRef;
import java.time.Instant;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Demo mode only: on the first start (no customers yet) generates {@code crm.demo.customer-count} customers. */
@Component
@Order(20)
@ConditionalOnBooleanProperty("crm.demo.enabled")
@RequiredArgsConstructor
class DemoCustomerSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCustomerSeeder.class);

    private final DemoProperties properties;
    private final UserQueries users;
    private final CustomerBulkLoader loader;
    private final JdbcClient jdbc;

    @Override
    public void run(ApplicationArguments args) {
        if (properties.customerCount() <= 0
                || jdbc.sql("select exists (select 1 from customer)")
                        .query(Boolean.class)
                        .single()) {
            return;
        }
        List<Long> owners = users.activeOwners().stream().map(UserRef::id).toList();
        if (owners.isEmpty()) {
            log.warn("No sales reps or managers to own demo customers; none generated");
            return;
        }
        long started = System.nanoTime();
        long loaded = loader.load(
                properties.customerCount(),
                new CustomerGenerator(properties.seed(), Instant.now()),
                owners,
                done -> log.info("Demo customers: {} of {} loaded", done, properties.customerCount()));
        log.info("Generated {} demo customers in {} ms", loaded, (System.nanoTime() - started) / 1_000_000);
    }
}
