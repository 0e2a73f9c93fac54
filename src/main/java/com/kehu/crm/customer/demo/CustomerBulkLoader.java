package com.kehu.crm.customer.demo;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills the customer table through PostgreSQL COPY, streamed in chunks so memory stays flat for a million rows.
 * Ids and codes are taken past both the table's maximum and the sequences, and the sequences are moved past the
 * loaded block afterwards, so JPA inserts that follow never collide (Hibernate's pooled optimizer hands out the
 * 50 ids below each sequence value).
 */
@Component
public class CustomerBulkLoader {

    private static final String COPY = "copy customer (id, code, kind, name, phone, phone_digits, email, address,"
            + " region, industry, source, relation_category, importance, status, owner_id, tags, profile, created_at,"
            + " updated_at) from stdin";
    private static final int CHUNK = 5_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    public CustomerBulkLoader(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** Loads {@code count} customers and their first status-history row; returns the number loaded. */
    public long load(long count, CustomerGenerator generator, List<Long> ownerIds, LongConsumer progress) {
        if (count <= 0) {
            return 0;
        }
        if (ownerIds.isEmpty()) {
            throw new IllegalArgumentException("No owners to assign customers to");
        }
        long firstId = 1
                + Math.max(
                        jdbc.sql("select coalesce(max(id), 0) from customer")
                                .query(Long.class)
                                .single(),
                        lastValue("customer_seq"));
        long firstCode = 1 + lastValue("customer_code_seq");
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                copy(connection, count, generator, ownerIds, firstId, firstCode, progress);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Bulk load of customers failed", e);
        }
        long lastId = firstId + count - 1;
        jdbc.sql("select setval('customer_seq', :v)")
                .param("v", lastId + 50)
                .query(Long.class)
                .single();
        jdbc.sql("select setval('customer_code_seq', :v)")
                .param("v", firstCode + count - 1)
                .query(Long.class)
                .single();
        long firstChange = 1
                + Math.max(
                        jdbc.sql("select coalesce(max(id), 0) from customer_status_change")
                                .query(Long.class)
                                .single(),
                        lastValue("customer_status_change_seq"));
        jdbc.sql("""
                        insert into customer_status_change (id, customer_id, from_status, to_status, changed_by, changed_at)
                        select :first + (c.id - :firstId), c.id, null, c.status, c.owner_id, c.created_at
                        from customer c where c.id between :firstId and :lastId""")
                .param("first", firstChange)
                .param("firstId", firstId)
                .param("lastId", lastId)
                .update();
        jdbc.sql("select setval('customer_status_change_seq', :v)")
                .param("v", firstChange + count + 50)
                .query(Long.class)
                .single();
        jdbc.sql("analyze customer").update();
        return count;
    }

    private void copy(
            Connection connection,
            long count,
            CustomerGenerator generator,
            List<Long> ownerIds,
            long firstId,
            long firstCode,
            LongConsumer progress)
            throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
        try {
            StringBuilder chunk = new StringBuilder(CHUNK * 400);
            for (long i = 0; i < count; i++) {
                String code = "C%07d".formatted(firstCode + i);
                appendRow(chunk, firstId + i, generator.customer(i, ownerIds, code));
                if ((i + 1) % CHUNK == 0 || i + 1 == count) {
                    byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    chunk.setLength(0);
                }
                if ((i + 1) % 100_000 == 0) {
                    progress.accept(i + 1);
                }
            }
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void appendRow(StringBuilder out, long id, GeneratedCustomer c) {
        out.append(id).append('\t');
        field(out, c.code());
        field(out, c.kind());
        field(out, c.name());
        field(out, c.phone());
        field(out, c.phone() == null ? null : c.phone().replaceAll("\\D", ""));
        field(out, c.email());
        field(out, c.address());
        field(out, c.region());
        field(out, c.industry());
        field(out, c.source());
        field(out, c.relationCategory());
        field(out, c.importance());
        field(out, c.status());
        out.append(c.ownerId()).append('\t');
        field(out, textArray(c.tags()));
        field(out, json(c.profile()));
        String created = c.createdAt().toString();
        field(out, created);
        out.append(escape(created)).append('\n');
    }

    private static void field(StringBuilder out, String value) {
        out.append(value == null ? "\\N" : escape(value)).append('\t');
    }

    /** COPY text format: backslash, tab, newline and carriage return are escaped. */
    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (char ch : value.toCharArray()) {
            switch (ch) {
                case '\\' -> escaped.append("\\\\");
                case '\t' -> escaped.append("\\t");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                default -> escaped.append(ch);
            }
        }
        return escaped.toString();
    }

    /** A PostgreSQL array literal; elements are quoted, with quotes and backslashes escaped. */
    static String textArray(List<String> values) {
        StringBuilder array = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                array.append(',');
            }
            array.append('"')
                    .append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return array.append('}').toString();
    }

    private static String json(Map<String, String> profile) {
        return JSON.writeValueAsString(profile);
    }

    private long lastValue(String sequence) {
        // the sequence name is one of three constants of this class, never input
        return jdbc.sql("select case when is_called then last_value else 0 end from " + sequence)
                .query(Long.class)
                .single();
    }
}
