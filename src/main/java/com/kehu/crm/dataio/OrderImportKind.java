package com.kehu.crm.dataio;

import com.kehu.crm.customer.CustomerPurchaseCounts;
import com.kehu.crm.order.OrderStatus;
import com.kehu.crm.order.PurchaseHistory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Orders from a file (header only: customer code, date, amount, status), set-based. Orders are COMPLETED unless the
 * file says otherwise; an unknown customer code fails the row, or creates the customer (owned by the importer) when
 * asked to. The buyers' purchase counts and purchase facts are brought up to date in the same transaction.
 */
@Component
class OrderImportKind implements ImportKind {

    /** The fields of an order row (header only): customer code and name, date, amount, status. */
    static final List<String> FIELDS = List.of("code", "name", "order_date", "amount", "status");

    private static final Map<String, String> HEADER_SYNONYMS = synonymTable();

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final CustomerPurchaseCounts purchaseCounts;
    private final PurchaseHistory purchaseHistory;

    OrderImportKind(
            JdbcClient jdbc,
            MessageSource messages,
            CustomerPurchaseCounts purchaseCounts,
            PurchaseHistory purchaseHistory) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.purchaseCounts = purchaseCounts;
        this.purchaseHistory = purchaseHistory;
    }

    @Override
    public ImportType type() {
        return ImportType.ORDERS;
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
        boolean createMissing = context.request().createMissingCustomers();
        boolean admin = context.user().isAdmin();
        Long[] assignable = context.assignable();
        fail(
                id,
                "columns <> :n",
                "import.error.columns",
                String.valueOf(context.headerCount()),
                Map.of("n", context.headerCount()));
        fail(id, "code is null", "import.error.customerRequired", null, Map.of());
        fail(id, "char_length(code) > 50", "import.error.tooLong", "code", Map.of());
        fail(id, "char_length(name) > 200", "import.error.tooLong", "name", Map.of());
        jdbc.sql(
                        "update import_row set parsed_date = kehu_import_date(order_date) where import_id = :id and error is null")
                .param("id", id)
                .update();
        fail(id, "parsed_date is null", "import.error.date", null, Map.of());
        fail(id, "amount is null or amount !~ '^\\d{1,15}(\\.\\d{1,2})?$'", "import.error.amount", null, Map.of());
        jdbc.sql("update import_row set parsed_amount = amount::numeric where import_id = :id and error is null")
                .param("id", id)
                .update();
        List<String> labels = new ArrayList<>();
        List<String> constants = new ArrayList<>();
        for (OrderStatus status : OrderStatus.values()) {
            String key = "OrderStatus." + status.name();
            for (String label : List.of(
                    status.name(),
                    messages.getMessage(key, null, status.name(), Locale.ROOT),
                    messages.getMessage(key, null, status.name(), Locale.SIMPLIFIED_CHINESE))) {
                labels.add(label.toLowerCase(Locale.ROOT));
                constants.add(status.name());
            }
        }
        jdbc.sql("""
                        update import_row r set status = m.constant from unnest(:labels, :constants) m(label, constant)
                        where r.import_id = :id and r.error is null and lower(r.status) = m.label""")
                .param("labels", labels.toArray(String[]::new))
                .param("constants", constants.toArray(String[]::new))
                .param("id", id)
                .update();
        fail(
                id,
                "status is not null and not (status = any(:allowed))",
                "import.error.badValue",
                "status",
                Map.of("allowed", constants.stream().distinct().toArray(String[]::new)));
        jdbc.sql("""
                        update import_row r set customer_id = (
                            select min(c.id) from customer c where c.code = r.code and not c.archived)
                        where r.import_id = :id and r.error is null""").param("id", id).update();
        if (!createMissing) {
            fail(id, "customer_id is null", "import.error.unknownCustomer", null, Map.of());
        }
        if (!admin) {
            fail(
                    id,
                    "customer_id is not null and not exists (select 1 from customer c where c.id = customer_id"
                            + " and c.owner_id = any(:mine))",
                    "import.error.notYours",
                    null,
                    Map.of("mine", assignable));
        }
    }

    @Override
    public void merge(ImportContext context) {
        List<Long> touched = insert(context.id(), context.user().id());
        if (touched.size() <= 10_000) {
            purchaseCounts.syncFromCompletedOrders(touched);
            purchaseHistory.refresh(touched);
        } else {
            purchaseCounts.syncFromCompletedOrders();
            purchaseHistory.rebuildAll();
        }
    }

    /** Order imports cannot be undone yet. */
    @Override
    public Map<String, Object> undo(ImportContext context) {
        throw new ImportNotUndoableException(context.id(), ImportStatus.DONE);
    }

    /** Inserts the orders (and missing customers); returns the customers that got orders. */
    private List<Long> insert(long id, long me) {
        jdbc.sql("""
                        with created as (
                            insert into customer (id, code, kind, name, relation_category, importance, status, owner_id,
                                                  created_at, updated_at)
                            select nextval('customer_seq'), code, 'ENTERPRISE', coalesce(max(name), code), 'B2B',
                                   'ORDINARY', 'POTENTIAL', :me, now(), now()
                            from import_row where import_id = :id and error is null and customer_id is null
                            group by code
                            returning id, code, status
                        ), linked as (
                            update import_row r set customer_id = created.id from created
                            where r.import_id = :id and r.error is null and r.code = created.code
                        )
                        insert into customer_status_change (id, customer_id, from_status, to_status, changed_by,
                                                            changed_at)
                        select nextval('customer_status_change_seq'), id, null, status, :me, now() from created""").param("id", id).param("me", me).update();
        jdbc.sql("""
                        update import_row set order_id = nextval('sales_order_seq'), action = 'INSERT'
                        where import_id = :id and error is null""").param("id", id).update();
        jdbc.sql("""
                        insert into sales_order (id, order_number, customer_id, order_date, currency, status,
                                                 total_amount, created_by, created_at, updated_at)
                        select r.order_id,
                               'SO' || extract(year from current_date)::int
                                    || kehu_pad(nextval('sales_order_number_seq'), 6),
                               r.customer_id, r.parsed_date, 'CNY', coalesce(r.status, 'COMPLETED'), r.parsed_amount,
                               :me, now(), now()
                        from import_row r where r.import_id = :id and r.action = 'INSERT' order by r.line""").param("id", id).param("me", me).update();
        jdbc.sql("""
                        insert into order_status_change (id, order_id, customer_id, from_status, to_status, changed_by,
                                                         changed_at)
                        select nextval('order_status_change_seq'), r.order_id, r.customer_id, null,
                               coalesce(r.status, 'COMPLETED'), :me, now()
                        from import_row r where r.import_id = :id and r.action = 'INSERT'""").param("id", id).param("me", me).update();
        return jdbc.sql("select distinct customer_id from import_row where import_id = :id and action = 'INSERT'")
                .param("id", id)
                .query(Long.class)
                .list();
    }

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

    private static Map<String, String> synonymTable() {
        Map<String, String> synonyms = new LinkedHashMap<>();
        for (String field : FIELDS) {
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

    @Override
    public List<String> requiredFields() {
        return List.of("code", "order_date", "amount");
    }

    /** An order row never matches an existing order; onDuplicate does not apply. */
    @Override
    public boolean matchesExisting() {
        return false;
    }

    @Override
    public boolean createsMissingCustomers() {
        return true;
    }
}
