package com.kehu.crm.dataio;

import static org.assertj.core.api.Assertions.assertThat;

import com.kehu.crm.identity.CrmUserDetails;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.support.IntegrationTest;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A 1,000,000-row orders file goes through the real import with the heap's live set flat. */
@IntegrationTest
class OrderImportMemoryTests {

    private static final int ROWS = 1_000_000;
    private static final int CUSTOMERS = 500;

    /**
     * How much the live heap (used right after a full collection) may grow while the import runs. Streaming holds one
     * 5,000-row chunk of COPY text (well under 1 MB) and the reader's buffers. Holding the file instead would keep
     * 1,000,000 rows of three strings each alive, ≥ 150 MB as Java objects (≥ 30 MB even as the bare file's bytes as
     * one String), so 48 MB is far above what streaming needs and far below what a whole-file approach uses.
     */
    private static final long MAX_GROWTH = 48L * 1024 * 1024;

    @Autowired
    Imports imports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Test
    void aMillionRowFileImportsWithFlatMemory() throws Exception {
        String prefix = "M" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                        insert into customer (id, code, kind, name, region, relation_category, importance, status,
                                              owner_id)
                        select nextval('customer_seq'), :prefix || g, 'ENTERPRISE', :prefix || g, 'EAST', 'B2B',
                               'ORDINARY', 'POTENTIAL', (select id from app_user where username = 'manager')
                        from generate_series(1, :n) g""").param("prefix", prefix).param("n", CUSTOMERS).update();
        Path file = Files.createTempFile("kehu-orders-", ".csv");
        // streamed to disk row by row, never built in memory; every 100,000th row has an impossible date
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("customer_code,order_date,amount\n");
            LocalDate start = LocalDate.of(2024, 1, 1);
            for (int i = 1; i <= ROWS; i++) {
                LocalDate day = start.plusDays(i % 1000);
                String date = switch (i % 3) {
                    case 0 -> day.toString();
                    case 1 -> day.getYear() + "/" + day.getMonthValue() + "/" + day.getDayOfMonth();
                    default -> day.toString().replace("-", "");
                };
                out.write(prefix + (1 + i % CUSTOMERS) + "," + (i % 100_000 == 0 ? "2026-02-30" : date) + ","
                        + (100 + i % 5000) + "." + (10 + i % 90) + "\n");
            }
        }
        CurrentUser manager = ((CrmUserDetails) users.loadUserByUsername("manager")).currentUser();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        // a full collection every 3 s costs the import little; every 250 ms starved it on a busy machine
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(
                () -> {
                    System.gc();
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                },
                1000,
                3000,
                TimeUnit.MILLISECONDS);
        long id;
        ImportProgress done;
        try {
            id = imports.start(
                    new ImportRequest(ImportType.ORDERS, file, "orders.csv", null, OnDuplicate.SKIP, Map.of(), false),
                    manager);
            done = Awaitility.await("a million rows imported")
                    .atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofMillis(500))
                    .until(
                            () -> imports.progress(id, manager),
                            p -> p.status() != ImportStatus.QUEUED && p.status() != ImportStatus.RUNNING);
        } finally {
            sampler.shutdownNow();
            sampler.awaitTermination(10, TimeUnit.SECONDS);
        }
        assertThat(done.status()).isEqualTo(ImportStatus.DONE);
        assertThat(done.total()).isEqualTo(ROWS);
        assertThat(done.inserted()).isEqualTo(ROWS - 10);
        assertThat(done.failed()).isEqualTo(10);
        assertThat(peak.get() - baseline)
                .as("live heap growth during the import (bytes)")
                .isLessThan(MAX_GROWTH);
        assertThat(jdbc.sql("select sum(completed_orders) from customer where code like :p")
                        .param("p", prefix + "%")
                        .query(Integer.class)
                        .single())
                .isEqualTo(ROWS - 10);

        // undone, so the shared test database does not carry a million orders into other tests
        imports.undo(id, manager);
        assertThat(jdbc.sql("select count(*) from sales_order where import_id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select sum(completed_orders) from customer where code like :p")
                        .param("p", prefix + "%")
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
