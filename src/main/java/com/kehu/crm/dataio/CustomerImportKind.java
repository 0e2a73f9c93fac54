package com.kehu.crm.dataio;

import com.kehu.crm.customer.CustomerKind;
import com.kehu.crm.customer.CustomerSource;
import com.kehu.crm.customer.CustomerStatus;
import com.kehu.crm.customer.Importance;
import com.kehu.crm.customer.Industry;
import com.kehu.crm.customer.Region;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Customers from a file: matched to existing ones by code, phone digits or e-mail (in that order), then skipped,
 * updated or created as the import asks. A new customer gets the owner named in the file if the importer may assign
 * to them, else the importer; a manager's UPDATE only touches customers owned within their team.
 */
@Component
class CustomerImportKind implements ImportKind {

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

    private static final Map<String, String> HEADER_SYNONYMS = synonymTable();
    private static final Map<String, Class<? extends Enum<?>>> ENUM_FIELDS = Map.of(
            "region", Region.class,
            "industry", Industry.class,
            "source", CustomerSource.class,
            "kind", CustomerKind.class,
            "importance", Importance.class,
            "status", CustomerStatus.class);
    private static final Map<String, Integer> MAX_LENGTHS =
            Map.of("code", 50, "name", 200, "phone", 50, "email", 200, "owner", 100, "tags", 1000);

    private final JdbcClient jdbc;
    private final ImportSql sql;

    CustomerImportKind(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.sql = new ImportSql(jdbc, messages);
    }

    @Override
    public ImportType type() {
        return ImportType.CUSTOMERS;
    }

    @Override
    public List<String> fields() {
        return FIELDS;
    }

    @Override
    public Map<String, String> headerSynonyms() {
        return HEADER_SYNONYMS;
    }

    @Override
    public void validate(ImportContext context) {
        long id = context.id();
        sql.columnCount(id, context.headerCount());
        sql.fail(id, "name is null", "import.error.nameRequired");
        MAX_LENGTHS.forEach((field, max) ->
                sql.fail(id, "char_length(" + field + ") > :max", "import.error.tooLong", field, Map.of("max", max)));
        ENUM_FIELDS.forEach((field, type) -> sql.enumColumn(id, field, type));
        sql.fail(id, "email is not null and email !~ '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$'", "import.error.email");
        jdbc.sql("""
                        update import_row r set owner_id = u.id from app_user u
                        where r.import_id = :id and r.error is null and u.username = r.owner""").param("id", id).update();
        sql.fail(id, "owner is not null and owner_id is null", "import.error.owner");
        sql.duplicateInFile(id, "code");
        sql.duplicateInFile(id, "nullif(regexp_replace(phone, '\\D', '', 'g'), '')");
        sql.duplicateInFile(id, "lower(email)");
        // one statement per key, each an index lookup per row (customer_code_uk, customer_phone_digits_idx,
        // customer_lower_email_idx); an OR of the three would scan all customers for every row
        match(id, "c.code = r.code", "r.code is not null");
        match(id, "c.phone_digits = nullif(regexp_replace(r.phone, '\\D', '', 'g'), '')", "r.phone is not null");
        match(id, "c.email is not null and lower(c.email) = lower(r.email)", "r.email is not null");
        OnDuplicate onDuplicate = context.request().onDuplicate();
        if (onDuplicate != OnDuplicate.CREATE) {
            sql.duplicateInFile(id, "customer_id");
        }
        if (onDuplicate == OnDuplicate.UPDATE && !context.user().isAdmin()) {
            sql.fail(
                    id,
                    "customer_id is not null and not exists (select 1 from customer c where c.id = customer_id"
                            + " and c.owner_id = any(:mine))",
                    "import.error.notYours",
                    null,
                    Map.of("mine", context.assignable()));
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

    @Override
    public void merge(ImportContext context) {
        long id = context.id();
        OnDuplicate mode = context.request().onDuplicate();
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
                .param("me", context.user().id())
                .param("id", id)
                .param("create", mode == OnDuplicate.CREATE)
                .param("assignable", context.assignable())
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
                        where r.import_id = :id and r.action = 'INSERT'""").param("me", context.user().id()).param("id", id).update();
        jdbc.sql("""
                        update import_row r set new_version = c.version from customer c
                        where r.import_id = :id and r.action in ('INSERT', 'UPDATE') and c.id = r.customer_id""").param("id", id).update();
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

    /**
     * Removes the customers the import inserted and restores those it updated, unless any of them changed since (its
     * version moved) or an inserted one has related records now.
     */
    @Override
    public Map<String, Object> undo(ImportContext context) {
        long id = context.id();
        List<ImportUndoBlockedException.Blocker> blockers = new ArrayList<>(jdbc.sql("""
                        select c.id, c.code, c.name from import_row r join customer c on c.id = r.customer_id
                        where r.import_id = :id and r.action in ('INSERT', 'UPDATE') and c.version <> r.new_version
                        order by r.line""")
                .param("id", id)
                .query((rs, n) -> new ImportUndoBlockedException.Blocker(
                        rs.getLong(1), rs.getString(2), rs.getString(3), "changed"))
                .list());
        for (Map<String, Object> reference : references()) {
            String table = (String) reference.get("table_name");
            String column = (String) reference.get("column_name");
            blockers.addAll(jdbc.sql("select distinct c.id, c.code, c.name from import_row r"
                            + " join customer c on c.id = r.customer_id"
                            + " join " + quote(table) + " t on t." + quote(column) + " = r.customer_id"
                            + " where r.import_id = :id and r.action = 'INSERT'")
                    .param("id", id)
                    .query((rs, n) -> new ImportUndoBlockedException.Blocker(
                            rs.getLong(1), rs.getString(2), rs.getString(3), table))
                    .list());
        }
        if (!blockers.isEmpty()) {
            throw new ImportUndoBlockedException(blockers);
        }
        jdbc.sql("""
                        delete from customer_status_change s using import_row r
                        where r.import_id = :id and r.action = 'INSERT' and s.customer_id = r.customer_id""").param("id", id).update();
        int removed = jdbc.sql("""
                        delete from customer c using import_row r
                        where r.import_id = :id and r.action = 'INSERT' and c.id = r.customer_id""").param("id", id).update();
        int restored = jdbc.sql("""
                        update customer c set name = o.name, phone = o.phone, phone_digits = o.phone_digits,
                            email = o.email, region = o.region, industry = o.industry, source = o.source,
                            kind = o.kind, importance = o.importance, tags = o.tags, version = c.version + 1,
                            updated_at = now()
                        from import_row r, jsonb_populate_record(null::customer, r.old_values) o
                        where r.import_id = :id and r.action = 'UPDATE' and c.id = r.customer_id""").param("id", id).update();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("removed", removed);
        facts.put("restored", restored);
        return facts;
    }

    /** Columns that refer to customer, except the import's own status rows and the duplicate pairs (cascade). */
    private List<Map<String, Object>> references() {
        return jdbc.sql("""
                        select cl.relname as table_name, a.attname as column_name
                        from pg_constraint con
                        join pg_class cl on cl.oid = con.conrelid
                        join pg_attribute a on a.attrelid = con.conrelid and a.attnum = con.conkey[1]
                        where con.contype = 'f' and con.confrelid = 'customer'::regclass
                          and cl.relname not in ('customer_status_change', 'customer_duplicate_candidate')
                        order by 1, 2""").query().listOfRows();
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static Map<String, String> synonymTable() {
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

    private static void put(Map<String, String> synonyms, String field, String... headers) {
        for (String header : headers) {
            synonyms.put(header, field);
        }
    }

    @Override
    public List<String> requiredFields() {
        return List.of("name");
    }
}
