package com.kehu.crm.dataio;

import com.kehu.crm.customer.CustomerKind;
import com.kehu.crm.customer.CustomerPurchaseCounts;
import com.kehu.crm.customer.CustomerSource;
import com.kehu.crm.customer.CustomerStatus;
import com.kehu.crm.customer.Importance;
import com.kehu.crm.customer.Industry;
import com.kehu.crm.customer.Region;
import com.kehu.crm.identity.CurrentUser;
import com.kehu.crm.identity.UserQueries;
import com.kehu.crm.identity.UserRef;
import com.kehu.crm.order.PurchaseHistory;
import com.kehu.crm.shared.audit.AuditEvent;
import com.kehu.crm.shared.audit.AuditEventKind;
import com.kehu.crm.shared.audit.AuditLog;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One customer import, run on the import executor: detect the encoding, stream the CSV into {@code import_row} by
 * COPY, then validate and merge set-based in SQL. A bad row gets its reason key and never stops the others.
 */
@Component
class CustomerImportRun {

    /** The fields of a customer row, in the order of the typed columns of import_row. */
    static final List<String> FIELDS = List.of(
            "code",
            "name",
            "phone",
            "email",
            "region",
            "industry",
            "source",
            "kind",
            "importance",
            "status",
            "owner",
            "tags");

    /** The fields of an order row (header only): customer code and name, date, amount, status. */
    static final List<String> ORDER_FIELDS = List.of("code", "name", "order_date", "amount", "status");

    private static final Map<String, String> HEADER_SYNONYMS = headerSynonyms();
    private static final Map<String, String> ORDER_HEADER_SYNONYMS = orderHeaderSynonyms();
    private static final Map<String, Class<? extends Enum<?>>> ENUM_FIELDS = Map.of(
            "region", Region.class,
            "industry", Industry.class,
            "source", CustomerSource.class,
            "kind", CustomerKind.class,
            "importance", Importance.class,
            "status", CustomerStatus.class);
    private static final Map<String, Integer> MAX_LENGTHS =
            Map.of("code", 50, "name", 200, "phone", 50, "email", 200, "owner", 100, "tags", 1000);
    private static final int CHUNK = 5_000;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final MessageSource messages;
    private final UserQueries users;
    private final AuditLog audit;
    private final CustomerPurchaseCounts purchaseCounts;
    private final PurchaseHistory purchaseHistory;

    CustomerImportRun(
            DataSource dataSource,
            JdbcClient jdbc,
            TransactionTemplate tx,
            MessageSource messages,
            UserQueries users,
            AuditLog audit,
            CustomerPurchaseCounts purchaseCounts,
            PurchaseHistory purchaseHistory) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.tx = tx;
        this.messages = messages;
        this.users = users;
        this.audit = audit;
        this.purchaseCounts = purchaseCounts;
        this.purchaseHistory = purchaseHistory;
    }

    void run(long id, ImportRequest request, CurrentUser user) {
        try {
            jdbc.sql("update import_job set status = 'RUNNING', started_at = now() where id = :id")
                    .param("id", id)
                    .update();
            Charset charset = charset(request.file(), request.encoding());
            jdbc.sql("update import_job set encoding = :e where id = :id")
                    .param("e", charset.name())
                    .param("id", id)
                    .update();
            int headerCount = stage(id, request, charset);
            if (request.type() == ImportType.ORDERS) {
                OrderImportSql orders = new OrderImportSql(jdbc, messages);
                orders.validate(id, headerCount, request.createMissingCustomers(), user.isAdmin(), assignable(user));
                tx.executeWithoutResult(s -> {
                    List<Long> touched = orders.merge(id, user.id());
                    if (touched.size() <= 10_000) {
                        purchaseCounts.syncFromCompletedOrders(touched);
                        purchaseHistory.refresh(touched);
                    } else {
                        purchaseCounts.syncFromCompletedOrders();
                        purchaseHistory.rebuildAll();
                    }
                    finish(id, request, user, AuditEventKind.IMPORT, "Imported orders from ");
                });
                return;
            }
            validate(id, headerCount, request.onDuplicate(), user);
            tx.executeWithoutResult(s -> merge(id, request, user));
        } catch (Exception e) {
            jdbc.sql("update import_job set status = 'FAILED', failure = :f, finished_at = now() where id = :id")
                    .param("f", String.valueOf(e.getMessage()))
                    .param("id", id)
                    .update();
            org.slf4j.LoggerFactory.getLogger(CustomerImportRun.class).warn("Import {} failed", id, e);
        } finally {
            try {
                Files.deleteIfExists(request.file());
            } catch (IOException ignored) {
                // a temp file left behind is cleaned by the OS
            }
        }
    }

    static Charset charset(Path file, @Nullable String requested) throws IOException {
        if (requested != null && !requested.isBlank() && !requested.equalsIgnoreCase("auto")) {
            return Charset.forName(requested);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bom = in.readNBytes(3);
            if (bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF) {
                return StandardCharsets.UTF_8;
            }
        }
        // Files.newBufferedReader reports malformed input instead of replacing it
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            char[] buffer = new char[64 * 1024];
            while (reader.read(buffer) != -1) {
                // only checking that it decodes
            }
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return Charset.forName("GB18030");
        }
    }

    /** Streams the file into import_row; returns the number of header columns. */
    private int stage(long id, ImportRequest request, Charset charset) throws IOException, SQLException {
        long size = Files.size(request.file());
        jdbc.sql("update import_job set file_bytes = :s where id = :id")
                .param("s", size)
                .param("id", id)
                .update();
        try (CountingStream counted = new CountingStream(Files.newInputStream(request.file()));
                BufferedReader reader = new BufferedReader(new InputStreamReader(counted, charset), 64 * 1024);
                Connection connection = dataSource.getConnection()) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            CsvRecordReader csv = new CsvRecordReader(reader);
            List<String> headers = csv.next();
            if (headers == null) {
                throw new IllegalArgumentException("The file is empty");
            }
            List<String> fields = request.type() == ImportType.ORDERS ? ORDER_FIELDS : FIELDS;
            int[] target = targets(
                    headers,
                    request.mapping(),
                    fields,
                    request.type() == ImportType.ORDERS ? ORDER_HEADER_SYNONYMS : HEADER_SYNONYMS);
            jdbc.sql("update import_job set headers = :h where id = :id")
                    .param("h", headers.toArray(String[]::new))
                    .param("id", id)
                    .update();
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            CopyIn copy = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy import_row (import_id, line, raw, columns, " + String.join(", ", fields)
                            + ") from stdin");
            int rows = 0;
            try {
                StringBuilder chunk = new StringBuilder();
                List<String> record;
                while ((record = csv.next()) != null) {
                    appendRow(chunk, id, csv.recordLine(), record, target, fields.size());
                    rows++;
                    if (rows % CHUNK == 0) {
                        flush(copy, chunk);
                        progress(id, rows, counted.count());
                    }
                }
                flush(copy, chunk);
                copy.endCopy();
                connection.commit();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
                connection.setAutoCommit(autoCommit);
            }
            jdbc.sql("update import_job set processed = :n, total_rows = :n, read_bytes = file_bytes where id = :id")
                    .param("n", rows)
                    .param("id", id)
                    .update();
            return headers.size();
        }
    }

    private void progress(long id, int rows, long bytes) {
        jdbc.sql("update import_job set processed = :n, read_bytes = :b where id = :id")
                .param("n", rows)
                .param("b", bytes)
                .param("id", id)
                .update();
    }

    private static void flush(CopyIn copy, StringBuilder chunk) throws SQLException {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        chunk.setLength(0);
    }

    /** For each header column, the index of the field it fills, or -1. */
    static int[] targets(
            List<String> headers, Map<String, String> mapping, List<String> fields, Map<String, String> synonyms) {
        int[] target = new int[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i).strip();
            String field = mapping.containsKey(header)
                    ? mapping.get(header).strip().toLowerCase(Locale.ROOT)
                    : synonyms.get(header.toLowerCase(Locale.ROOT));
            target[i] = field == null ? -1 : fields.indexOf(field);
        }
        return target;
    }

    private static void appendRow(
            StringBuilder out, long id, int line, List<String> record, int[] target, int fieldCount) {
        String[] values = new String[fieldCount];
        for (int i = 0; i < record.size() && i < target.length; i++) {
            String value = record.get(i).strip();
            if (target[i] >= 0 && !value.isEmpty()) {
                values[target[i]] = value;
            }
        }
        out.append(id).append('\t').append(line).append('\t');
        out.append(escape(textArray(record))).append('\t');
        out.append(record.size());
        for (String value : values) {
            out.append('\t').append(value == null ? "\\N" : escape(value));
        }
        out.append('\n');
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

    private void validate(long id, int headerCount, OnDuplicate onDuplicate, CurrentUser user) {
        fail(id, "columns <> :n", "import.error.columns", String.valueOf(headerCount), Map.of("n", headerCount));
        fail(id, "name is null", "import.error.nameRequired", null, Map.of());
        MAX_LENGTHS.forEach((field, max) ->
                fail(id, "char_length(" + field + ") > :max", "import.error.tooLong", field, Map.of("max", max)));
        List<String> fields = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> constants = new ArrayList<>();
        ENUM_FIELDS.forEach((field, type) -> {
            for (Enum<?> constant : type.getEnumConstants()) {
                String key = type.getSimpleName() + "." + constant.name();
                for (String label : List.of(
                        constant.name(),
                        messages.getMessage(key, null, constant.name(), Locale.ROOT),
                        messages.getMessage(key, null, constant.name(), Locale.SIMPLIFIED_CHINESE))) {
                    fields.add(field);
                    labels.add(label.toLowerCase(Locale.ROOT));
                    constants.add(constant.name());
                }
            }
        });
        for (String field : ENUM_FIELDS.keySet()) {
            jdbc.sql("update import_row r set " + field + " = m.constant"
                            + " from unnest(:fields, :labels, :constants) m(field, label, constant)"
                            + " where r.import_id = :id and r.error is null and m.field = :field"
                            + " and lower(r." + field + ") = m.label")
                    .param("fields", fields.toArray(String[]::new))
                    .param("labels", labels.toArray(String[]::new))
                    .param("constants", constants.toArray(String[]::new))
                    .param("field", field)
                    .param("id", id)
                    .update();
            fail(
                    id,
                    field + " is not null and not (" + field + " = any(:allowed))",
                    "import.error.badValue",
                    field,
                    Map.of("allowed", allowed(ENUM_FIELDS.get(field))));
        }
        fail(
                id,
                "email is not null and email !~ '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$'",
                "import.error.email",
                null,
                Map.of());
        jdbc.sql("""
                        update import_row r set owner_id = u.id from app_user u
                        where r.import_id = :id and r.error is null and u.username = r.owner""").param("id", id).update();
        fail(id, "owner is not null and owner_id is null", "import.error.owner", null, Map.of());
        duplicateInFile(id, "code");
        duplicateInFile(id, "nullif(regexp_replace(phone, '\\D', '', 'g'), '')");
        duplicateInFile(id, "lower(email)");
        // one statement per key, each an index lookup per row (customer_code_uk, customer_phone_digits_idx,
        // customer_lower_email_idx); an OR of the three would scan all customers for every row
        match(id, "c.code = r.code", "r.code is not null");
        match(id, "c.phone_digits = nullif(regexp_replace(r.phone, '\\D', '', 'g'), '')", "r.phone is not null");
        match(id, "c.email is not null and lower(c.email) = lower(r.email)", "r.email is not null");
        if (onDuplicate != OnDuplicate.CREATE) {
            duplicateInFile(id, "customer_id");
        }
        if (onDuplicate == OnDuplicate.UPDATE && !user.isAdmin()) {
            fail(
                    id,
                    "customer_id is not null and not exists (select 1 from customer c where c.id = customer_id"
                            + " and c.owner_id = any(:mine))",
                    "import.error.notYours",
                    null,
                    Map.of("mine", assignable(user)));
        }
    }

    /** Links still-unmatched valid rows to the lowest-id live customer meeting {@code condition} (SQL, never input). */
    private void match(long id, String condition, String rowHasKey) {
        jdbc.sql("update import_row r set customer_id = (select min(c.id) from customer c where not c.archived and "
                        + condition + ") where r.import_id = :id and r.error is null and r.customer_id is null and "
                        + rowHasKey)
                .param("id", id)
                .update();
    }

    private static String[] allowed(Class<? extends Enum<?>> type) {
        Enum<?>[] constants = type.getEnumConstants();
        String[] names = new String[constants.length];
        for (int i = 0; i < constants.length; i++) {
            names[i] = constants[i].name();
        }
        return names;
    }

    private Long[] assignable(CurrentUser user) {
        return users.assignableOwners(user).stream().map(UserRef::id).toArray(Long[]::new);
    }

    /** Marks still-valid rows matching {@code condition} (SQL over import_row columns, never input) as failed. */
    private void fail(long id, String condition, String reason, @Nullable String arg, Map<String, ?> params) {
        var statement = jdbc.sql("update import_row set error = :reason, error_arg = :arg"
                        + " where import_id = :id and error is null and (" + condition + ")")
                .param("reason", reason)
                .param("arg", arg)
                .param("id", id);
        for (var param : params.entrySet()) {
            statement = statement.param(param.getKey(), param.getValue());
        }
        statement.update();
    }

    /** A later row with the same key as an earlier valid row fails; the first one stays. */
    private void duplicateInFile(long id, String key) {
        jdbc.sql("update import_row r set error = 'import.error.duplicateInFile', error_arg = d.first::text"
                        + " from (select line, first_value(line) over w as first, row_number() over w as n"
                        + " from import_row where import_id = :id and error is null and " + key + " is not null"
                        + " window w as (partition by " + key + " order by line)) d"
                        + " where r.import_id = :id and r.line = d.line and d.n > 1")
                .param("id", id)
                .update();
    }

    private void merge(long id, ImportRequest request, CurrentUser user) {
        OnDuplicate mode = request.onDuplicate();
        if (mode == OnDuplicate.SKIP) {
            jdbc.sql("update import_row set action = 'SKIP' where import_id = :id and error is null"
                            + " and customer_id is not null")
                    .param("id", id)
                    .update();
        } else if (mode == OnDuplicate.UPDATE) {
            update(id);
        }
        jdbc.sql("""
                        update import_row set owner_id = :me
                        where import_id = :id and error is null and action is null
                          and (customer_id is null or :create)
                          and (owner_id is null or not (owner_id = any(:assignable)))""")
                .param("me", user.id())
                .param("id", id)
                .param("create", mode == OnDuplicate.CREATE)
                .param("assignable", assignable(user))
                .update();
        jdbc.sql("""
                        update import_row r set action = 'INSERT', customer_id = n.new_id
                        from (select line, nextval('customer_seq') as new_id from import_row
                              where import_id = :id and error is null and action is null
                                and (customer_id is null or :create)) n
                        where r.import_id = :id and r.line = n.line""")
                .param("id", id)
                .param("create", mode == OnDuplicate.CREATE)
                .update();
        jdbc.sql("""
                        insert into customer (id, code, kind, name, phone, phone_digits, email, region, industry, source,
                                              relation_category, importance, status, owner_id, tags, created_at,
                                              updated_at)
                        select r.customer_id,
                               case when r.code is null or exists (select 1 from customer c where c.code = r.code)
                                    then 'C' || kehu_pad(nextval('customer_code_seq'), 7) else r.code end,
                               coalesce(r.kind, 'ENTERPRISE'), r.name, r.phone,
                               nullif(regexp_replace(r.phone, '\\D', '', 'g'), ''), r.email, r.region, r.industry,
                               r.source,
                               case coalesce(r.kind, 'ENTERPRISE') when 'INDIVIDUAL' then 'CONSUMER' else 'B2B' end,
                               coalesce(r.importance, 'ORDINARY'), coalesce(r.status, 'POTENTIAL'), r.owner_id,
                               coalesce(regexp_split_to_array(r.tags, '\\s*[;,；，|]\\s*'), '{}'), now(), now()
                        from import_row r where r.import_id = :id and r.action = 'INSERT'
                        order by r.line""").param("id", id).update();
        jdbc.sql("""
                        insert into customer_status_change (id, customer_id, from_status, to_status, changed_by, changed_at)
                        select nextval('customer_status_change_seq'), c.id, null, c.status, :me, now()
                        from import_row r join customer c on c.id = r.customer_id
                        where r.import_id = :id and r.action = 'INSERT'""").param("me", user.id()).param("id", id).update();
        jdbc.sql("""
                        update import_row r set new_version = c.version from customer c
                        where r.import_id = :id and r.action in ('INSERT', 'UPDATE') and c.id = r.customer_id""").param("id", id).update();
        finish(id, request, user, AuditEventKind.IMPORT, "Imported customers from ");
    }

    private void finish(long id, ImportRequest request, CurrentUser user, AuditEventKind kind, String summary) {
        Map<String, Object> counts = jdbc.sql("""
                        update import_job j set status = 'DONE', finished_at = now(),
                            inserted = s.inserted, updated = s.updated, skipped = s.skipped, failed = s.failed
                        from (select count(*) filter (where action = 'INSERT') as inserted,
                                     count(*) filter (where action = 'UPDATE') as updated,
                                     count(*) filter (where action = 'SKIP') as skipped,
                                     count(*) filter (where error is not null) as failed
                              from import_row where import_id = :id) s
                        where j.id = :id
                        returning j.inserted, j.updated, j.skipped, j.failed""").param("id", id).query().singleRow();
        Map<String, Object> facts = new LinkedHashMap<>(counts);
        facts.put("importId", id);
        facts.put("file", request.fileName());
        facts.put("onDuplicate", request.onDuplicate().name());
        audit.record(AuditEvent.of(kind, user.id(), user.username(), summary + request.fileName())
                .with(facts));
    }

    /** Non-empty cells replace the customer's values; owner, code and status stay (they have their own flows). */
    private void update(long id) {
        jdbc.sql("""
                        update import_row r set action = 'UPDATE', old_values = to_jsonb(c) - 'name_bigrams'
                        from customer c
                        where r.import_id = :id and r.error is null and c.id = r.customer_id""").param("id", id).update();
        jdbc.sql("""
                        update customer c set
                            name = coalesce(r.name, c.name),
                            phone = coalesce(r.phone, c.phone),
                            phone_digits = case when r.phone is null then c.phone_digits
                                                else nullif(regexp_replace(r.phone, '\\D', '', 'g'), '') end,
                            email = coalesce(r.email, c.email),
                            region = coalesce(r.region, c.region),
                            industry = coalesce(r.industry, c.industry),
                            source = coalesce(r.source, c.source),
                            kind = coalesce(r.kind, c.kind),
                            importance = coalesce(r.importance, c.importance),
                            tags = coalesce(regexp_split_to_array(r.tags, '\\s*[;,；，|]\\s*'), c.tags),
                            version = c.version + 1,
                            updated_at = now()
                        from import_row r
                        where r.import_id = :id and r.action = 'UPDATE' and c.id = r.customer_id""").param("id", id).update();
    }

    private static Map<String, String> headerSynonyms() {
        Map<String, String> synonyms = new LinkedHashMap<>();
        for (String field : FIELDS) {
            synonyms.put(field, field);
        }
        put(synonyms, "code", "客户编号", "编号", "客户代码", "customer code");
        put(synonyms, "name", "客户名称", "名称", "客户名", "customer name");
        put(synonyms, "phone", "电话", "手机", "联系电话", "手机号");
        put(synonyms, "email", "邮箱", "电子邮件", "e-mail", "电子邮箱");
        put(synonyms, "region", "地区", "区域");
        put(synonyms, "industry", "行业");
        put(synonyms, "source", "来源", "客户来源");
        put(synonyms, "kind", "类型", "客户类型");
        put(synonyms, "importance", "重要程度", "重要性");
        put(synonyms, "status", "状态", "客户状态");
        put(synonyms, "owner", "负责人", "所有者");
        put(synonyms, "tags", "标签");
        return Map.copyOf(synonyms);
    }

    private static Map<String, String> orderHeaderSynonyms() {
        Map<String, String> synonyms = new LinkedHashMap<>();
        for (String field : ORDER_FIELDS) {
            synonyms.put(field, field);
        }
        put(synonyms, "code", "customer_code", "customer code", "客户编号", "客户代码");
        put(synonyms, "name", "customer_name", "customer name", "客户名称");
        put(synonyms, "order_date", "order date", "date", "订单日期", "下单日期", "日期");
        put(synonyms, "amount", "金额", "订单金额", "total");
        put(synonyms, "status", "状态", "订单状态");
        return Map.copyOf(synonyms);
    }

    private static void put(Map<String, String> synonyms, String field, String... headers) {
        for (String header : headers) {
            synonyms.put(header, field);
        }
    }

    private static final class CountingStream extends FilterInputStream {

        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        long count() {
            return count;
        }
    }
}
