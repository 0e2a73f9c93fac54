package com.kehu.crm.dataio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The price list from a file. Codes are unique and upper-case as on the product screen (letters, digits, . _ -); a row
 * whose code exists is skipped or updates that product (UPDATE), and fails under CREATE, since two products cannot
 * share a code. A new product needs a name, a unit and a list price; cost defaults to 0, currency to CNY, active to
 * yes. The optional category is an active product category's code, English or Chinese name; an unknown one fails the
 * row. Changing the price list is for managers and admins, as {@code ProductService} says; there are no teams in it.
 */
@Component
class ProductImportKind implements ImportKind {

    static final List<String> FIELDS =
            List.of("code", "name", "unit", "list_price", "unit_cost", "currency", "active", "category");

    private static final Map<String, Integer> MAX_LENGTHS = Map.of("code", 40, "name", 200, "unit", 20);
    private static final Map<String, String> HEADER_SYNONYMS = ImportChecks.synonyms(
            FIELDS,
            Map.of(
                    "code", List.of("product code", "product_code", "sku", "产品编码", "产品编号", "编码"),
                    "name", List.of("product name", "product_name", "产品名称", "品名", "名称"),
                    "unit", List.of("单位"),
                    "list_price", List.of("list price", "price", "unit price", "unit_price", "标价", "单价", "价格"),
                    "unit_cost", List.of("cost", "unit cost", "成本", "单位成本"),
                    "currency", List.of("币种", "货币"),
                    "active", List.of("在售", "是否在售"),
                    "category", List.of("product category", "product_category", "产品类别", "类别", "品类")));

    private final JdbcClient jdbc;
    private final ImportChecks checks;

    ProductImportKind(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.checks = new ImportChecks(jdbc, messages);
    }

    @Override
    public ImportType type() {
        return ImportType.PRODUCTS;
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
        ImportSql sql = checks.sql();
        sql.columnCount(id, context.headerCount());
        if (!context.user().isAdmin() && !context.user().isManager()) {
            sql.fail(id, "true", "import.error.priceList");
        }
        checks.required(id, "code");
        jdbc.sql("update import_row set code = upper(code), currency = upper(currency)"
                        + " where import_id = :id and error is null")
                .param("id", id)
                .update();
        checks.maxLengths(id, MAX_LENGTHS);
        sql.fail(id, "code !~ '^[A-Z0-9._-]+$'", "import.error.productCode");
        checks.money(id, "list_price");
        checks.money(id, "unit_cost");
        sql.fail(id, "currency !~ '^[A-Z]{3}$'", "import.error.badValue", "currency", Map.of());
        checks.bool(id, "active");
        categories(id, sql);
        checks.duplicateInFile(id, "code", "import.error.sameProduct");
        jdbc.sql("""
                        update import_row r set record_id = p.id from product p
                        where r.import_id = :id and r.error is null and p.code = r.code""").param("id", id).update();
        if (context.request().onDuplicate() == OnDuplicate.CREATE) {
            sql.fail(id, "record_id is not null", "import.error.productExists");
        }
        for (String column : List.of("name", "unit", "list_price")) {
            sql.fail(id, "record_id is null and " + column + " is null", "import.error.required", column, Map.of());
        }
    }

    @Override
    public void merge(ImportContext context) {
        long id = context.id();
        if (context.request().onDuplicate() == OnDuplicate.UPDATE) {
            update(id);
        } else {
            jdbc.sql("update import_row set action = 'SKIP' where import_id = :id and error is null"
                            + " and record_id is not null")
                    .param("id", id)
                    .update();
        }
        jdbc.sql("""
                        update import_row set action = 'INSERT', record_id = nextval('product_seq')
                        where import_id = :id and error is null and action is null""").param("id", id).update();
        jdbc.sql("""
                        insert into product (id, code, name, unit, list_price, unit_cost, currency, active, category_id,
                                             created_at, updated_at)
                        select r.record_id, r.code, r.name, r.unit, r.list_price::numeric,
                               coalesce(r.unit_cost::numeric, 0), coalesce(r.currency, 'CNY'),
                               coalesce(kehu_import_bool(r.active), true),
                               (select pc.id from product_category pc where pc.code = r.category), now(), now()
                        from import_row r where r.import_id = :id and r.action = 'INSERT' order by r.line""").param("id", id).update();
        checks.rememberVersions(id, "product");
    }

    /**
     * A category cell becomes the code of the active category it names (its code in any case, else its English name in
     * any case, else its Chinese name); a row naming none fails.
     */
    private void categories(long id, ImportSql sql) {
        jdbc.sql("""
                        update import_row r set category = coalesce(
                            (select pc.code from product_category pc
                             where pc.active and (pc.code = upper(r.category) or lower(pc.name_en) = lower(r.category)
                                                  or pc.name_zh = r.category)
                             order by pc.code = upper(r.category) desc, lower(pc.name_en) = lower(r.category) desc,
                                      pc.position, pc.id
                             limit 1),
                            r.category)
                        where r.import_id = :id and r.error is null and r.category is not null""").param("id", id).update();
        sql.fail(
                id,
                "category is not null and not exists (select 1 from product_category pc"
                        + " where pc.active and pc.code = import_row.category)",
                "import.error.productCategory");
    }

    /** Non-empty cells replace the product's values; the code stays (it is the match). */
    private void update(long id) {
        jdbc.sql("""
                        update import_row r set action = 'UPDATE', old_values = to_jsonb(p)
                        from product p
                        where r.import_id = :id and r.error is null and p.id = r.record_id""").param("id", id).update();
        jdbc.sql("""
                        update product p set
                            name = coalesce(r.name, p.name),
                            unit = coalesce(r.unit, p.unit),
                            list_price = coalesce(r.list_price::numeric, p.list_price),
                            unit_cost = coalesce(r.unit_cost::numeric, p.unit_cost),
                            currency = coalesce(r.currency, p.currency),
                            active = coalesce(kehu_import_bool(r.active), p.active),
                            category_id = coalesce(
                                (select pc.id from product_category pc where pc.code = r.category), p.category_id),
                            version = p.version + 1,
                            updated_at = now()
                        from import_row r
                        where r.import_id = :id and r.action = 'UPDATE' and p.id = r.record_id""").param("id", id).update();
    }

    /**
     * Removes the products the import inserted and restores those it updated, unless one changed since or an
     * inserted one is on an order line now.
     */
    @Override
    public Map<String, Object> undo(ImportContext context) {
        long id = context.id();
        List<ImportUndoBlockedException.Blocker> blockers =
                new ArrayList<>(checks.changedSince(id, "product", "t.code", "t.name"));
        blockers.addAll(checks.referredTo(id, "product", "t.code", "t.name", List.of()));
        if (!blockers.isEmpty()) {
            throw new ImportUndoBlockedException(blockers);
        }
        int removed = jdbc.sql("""
                        delete from product p using import_row r
                        where r.import_id = :id and r.action = 'INSERT' and p.id = r.record_id""").param("id", id).update();
        int restored = jdbc.sql("""
                        update product p set name = o.name, unit = o.unit, list_price = o.list_price,
                            unit_cost = o.unit_cost, currency = o.currency, active = o.active,
                            category_id = o.category_id, version = p.version + 1, updated_at = now()
                        from import_row r, jsonb_populate_record(null::product, r.old_values) o
                        where r.import_id = :id and r.action = 'UPDATE' and p.id = r.record_id""").param("id", id).update();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("removed", removed);
        facts.put("restored", restored);
        return facts;
    }

    /** Products are matched by code; name, unit and list price are required for new ones (checked per row). */
    @Override
    public List<String> requiredFields() {
        return List.of("code");
    }
}
