package com.kehu.crm.dataio;

import com.kehu.crm.customer.CustomerPurchaseCounts;
import com.kehu.crm.order.OrderStatus;
import com.kehu.crm.order.PurchaseHistory;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Orders from a file, built for millions of rows. A file is header only (customer code, date, amount, status: one
 * order per row) or has lines (product code, quantity, unit price: rows with the same order number, or consecutive
 * rows of one customer and date, form one order with a line per row; the total is the sum of the lines).
 *
 * <p>While the file streams, {@link OrderRowScreen} checks each row in Java and COPYs the good ones, typed, into an
 * unlogged per-import staging table; only bad rows reach import_row. Validation is then a few set-based statements
 * over the staging table (each failing row is moved to import_row with its reason), the merge one INSERT ... SELECT
 * per table. Orders are COMPLETED unless the file says otherwise; an unknown customer code fails the row, or creates
 * the customer (owned by the importer) when asked to. A line that fails fails its whole order, so no order is
 * half-imported. Imported orders carry the import's id, which is how undo finds them; they get no status history
 * row (they are history already; the audit log records the import).
 */
@Component
class OrderImportKind implements ImportKind {

    /** The fields of an order row; a file with product codes has lines. */
    static final List<String> FIELDS = List.of(
            "code", "name", "order_date", "amount", "status", "order_number", "product_code", "quantity", "unit_price");

    static final int CODE = 0;
    static final int NAME = 1;
    static final int ORDER_DATE = 2;
    static final int AMOUNT = 3;
    static final int STATUS = 4;
    static final int ORDER_NUMBER = 5;
    static final int PRODUCT_CODE = 6;
    static final int QUANTITY = 7;
    static final int UNIT_PRICE = 8;

    /** Up to this many buyers get their purchase facts refreshed one by one; more, and everyone's are rebuilt. */
    private static final int REFRESH_LIMIT = 10_000;

    private static final Logger log = LoggerFactory.getLogger(OrderImportKind.class);
    private static final Map<String, String> HEADER_SYNONYMS = synonymTable();
    private static final String STAGE_COLUMNS =
            "line, raw, order_key, code, name, order_number, order_date, amount, status, product_code, quantity,"
                    + " unit_price";

    /** Per running import: whether its file has lines, whether it has order numbers (set when staging starts). */
    private final Map<Long, Shape> shapes = new ConcurrentHashMap<>();

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final CustomerPurchaseCounts purchaseCounts;
    private final PurchaseHistory purchaseHistory;

    OrderImportKind(
            DataSource dataSource,
            JdbcClient jdbc,
            MessageSource messages,
            CustomerPurchaseCounts purchaseCounts,
            PurchaseHistory purchaseHistory) {
        this.dataSource = dataSource;
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

    /** The import's staging table; the name is built from the job id only, never from the file. */
    static String stage(long id) {
        return "import_order_stage_" + id;
    }

    @Override
    public RowScreen screen(ImportContext context, int[] target) {
        Shape shape = new Shape(
                Arrays.stream(target).anyMatch(field -> field == PRODUCT_CODE),
                Arrays.stream(target).anyMatch(field -> field == ORDER_NUMBER));
        shapes.put(context.id(), shape);
        return openScreen(context, shape.lines());
    }

    /** What the file's columns make of it: lines (a product code column), order numbers (an order number column). */
    private record Shape(boolean lines, boolean numbered) {}

    private OrderRowScreen openScreen(ImportContext context, boolean lines) {
        String table = stage(context.id());
        jdbc.sql("drop table if exists " + table).update();
        jdbc.sql("create unlogged table " + table + " (like import_order_stage)")
                .update();
        try {
            Connection connection = dataSource.getConnection();
            try {
                return new OrderRowScreen(connection, table, context.headerCount(), lines, statusLabels());
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not open the order staging table", e);
        }
    }

    @Override
    public void cleanUp(long id) {
        shapes.remove(id);
        jdbc.sql("drop table if exists " + stage(id)).update();
    }

    @Override
    public void validate(ImportContext context) {
        long id = context.id();
        String table = stage(id);
        if (!staged(table)) {
            restage(context);
        }
        // a fresh table has no statistics: without them the planner guesses the joins over 10M rows blind
        jdbc.sql("analyze " + table).update();
        Shape shape = shapes.get(id);
        boolean lines = shape.lines();
        boolean numbered = shape.numbered();
        Map<String, Object> me = new HashMap<>();
        me.put("createMissing", context.request().createMissingCustomers());
        me.put("admin", context.user().isAdmin());
        me.put("mine", context.assignable());
        // an archived customer's code is taken: its orders fail rather than create a second customer
        move(
                id,
                table + " t left join customer c on c.code = t.code",
                "(c.id is null and not :createMissing) or c.archived"
                        + " or (not :admin and c.id is not null and not (c.owner_id = any(:mine)))",
                "case when c.id is null or c.archived then 'import.error.unknownCustomer'"
                        + " else 'import.error.notYours' end",
                "null",
                me);
        if (lines) {
            move(
                    id,
                    table + " t",
                    "not exists (select 1 from product p where p.code = t.product_code)",
                    "'import.error.unknownProduct'",
                    "null",
                    Map.of());
            // the lines of one order number must agree on the customer and the date
            move(
                    id,
                    table + " t join (select distinct on (order_key) order_key, line, code, order_date from " + table
                            + " order by order_key, line) f on f.order_key = t.order_key",
                    "t.code <> f.code or t.order_date <> f.order_date",
                    "'import.error.orderMismatch'",
                    "f.line::text",
                    Map.of());
            move(
                    id,
                    table + " t join (select line, first_value(line) over w as first from " + table
                            + " window w as (partition by order_key, product_code order by line)) f"
                            + " on f.line = t.line",
                    "f.first <> t.line",
                    "'import.error.duplicateLine'",
                    "f.first::text",
                    Map.of());
        } else if (numbered) {
            move(
                    id,
                    table + " t join (select line, first_value(line) over w as first from " + table
                            + " where order_number is not null window w as (partition by order_number order by line))"
                            + " f on f.line = t.line",
                    "f.first <> t.line",
                    "'import.error.duplicateOrder'",
                    "f.first::text",
                    Map.of());
        }
        if (numbered) {
            boolean skip = context.request().onDuplicate() == OnDuplicate.SKIP;
            move(
                    id,
                    table + " t",
                    "exists (select 1 from sales_order o where o.order_number = t.order_number)",
                    skip ? "null" : "'import.error.orderExists'",
                    "null",
                    skip ? Map.of("action", "SKIP") : Map.of());
        }
        if (lines) {
            // an order with a failed line fails as a whole, naming the first line that broke it
            move(
                    id,
                    table + " t join (select order_key, min(line) as line from import_row where import_id = :id"
                            + " and error is not null and order_key is not null group by order_key) f"
                            + " on f.order_key = t.order_key",
                    "true",
                    "'import.error.orderLine'",
                    "f.line::text",
                    Map.of());
        }
    }

    /**
     * Moves the staged rows matching {@code condition} over {@code from} (alias t) to import_row with {@code reason}
     * and {@code arg} (SQL expressions written here), or, when params holds an action, as rows that action applies
     * to. A row already in import_row (a preview staged every row there) gets the reason instead.
     */
    private void move(long id, String from, String condition, String reason, String arg, Map<String, ?> params) {
        String table = stage(id);
        Object action = params.get("action");
        var statement = jdbc.sql("with moved as (delete from " + table + " d using (select t.line, " + reason
                        + " as reason, " + arg + " as arg from " + from + " where " + condition + ") m"
                        + " where d.line = m.line returning d.*, m.reason, m.arg)"
                        + " insert into import_row (import_id, line, raw, columns, order_key, code, name, order_number,"
                        + " order_date, amount, status, product_code, quantity, unit_price, error, error_arg, action)"
                        + " select :id, line, raw, cardinality(raw), order_key, code, name, order_number,"
                        + " order_date::text, amount::text, status, product_code, quantity::text, unit_price::text,"
                        + " reason, arg, :action from moved"
                        + " on conflict (import_id, line) do update set error = excluded.error,"
                        + " error_arg = excluded.error_arg, action = excluded.action")
                .param("id", id)
                .param("action", action);
        for (var param : params.entrySet()) {
            if (!param.getKey().equals("action")) {
                statement = statement.param(param.getKey(), param.getValue());
            }
        }
        int moved = statement.update();
        if (moved > 0) {
            log.debug("Import {}: {} rows moved to import_row ({})", id, moved, reason);
        }
    }

    @Override
    public void merge(ImportContext context) {
        long started = System.nanoTime();
        long id = context.id();
        long me = context.user().id();
        String table = stage(id);
        if (context.request().createMissingCustomers()) {
            createCustomers(id, me, table);
        }
        String prefix = "SO" + java.time.Year.now();
        boolean lines = shapes.get(id).lines();
        int rows = lines ? insertWithLines(id, me, table, prefix) : insertHeaders(id, me, table, prefix);
        jdbc.sql("update import_job set inserted = :n where id = :id")
                .param("n", rows)
                .param("id", id)
                .update();
        long facts = System.nanoTime();
        log.info("Import {}: {} rows inserted in {} ms", id, rows, (facts - started) / 1_000_000);
        if (rows <= REFRESH_LIMIT) {
            List<Long> buyers = jdbc.sql("select distinct customer_id from sales_order where import_id = :id")
                    .param("id", id)
                    .query(Long.class)
                    .list();
            purchaseCounts.syncFromCompletedOrders(buyers);
            purchaseHistory.refresh(buyers);
        } else {
            purchaseCounts.syncFromCompletedOrders();
            purchaseHistory.rebuildAll();
        }
        log.info("Import {}: purchase counts and facts synced in {} ms", id, (System.nanoTime() - facts) / 1_000_000);
    }

    private void createCustomers(long id, long me, String table) {
        jdbc.sql("with created as (insert into customer (id, code, kind, name, relation_category, importance, status,"
                        + " owner_id, created_at, updated_at)"
                        + " select nextval('customer_seq'), t.code, 'ENTERPRISE', coalesce(max(t.name), t.code),"
                        + " 'B2B', 'ORDINARY', 'POTENTIAL', :me, now(), now() from " + table + " t"
                        + " where not exists (select 1 from customer c where c.code = t.code) group by t.code"
                        + " returning id, status),"
                        + " kept as (insert into import_customer (import_id, customer_id) select :id, id from created)"
                        + " insert into customer_status_change (id, customer_id, from_status, to_status, changed_by,"
                        + " changed_at)"
                        + " select nextval('customer_status_change_seq'), id, null, status, :me, now() from created")
                .param("id", id)
                .param("me", me)
                .update();
    }

    /** One order per staged row; returns the rows inserted. */
    private int insertHeaders(long id, long me, String table, String prefix) {
        return jdbc.sql("insert into sales_order (id, order_number, customer_id, order_date, currency, status,"
                        + " total_amount, cost_amount, created_by, created_at, updated_at, import_id)"
                        + " select nextval('sales_order_seq'),"
                        + " coalesce(t.order_number, :prefix || kehu_pad(nextval('sales_order_number_seq'), 6)),"
                        + " t.customer_id, t.order_date, 'CNY', t.status, t.amount, 0, :me, now(), now(), :id"
                        // in (customer, date) order: the customer/date index, the largest one inserted into at random
                        // otherwise, is then filled page by page (1M rows into 4M: 26 s instead of 35 s)
                        + " from (select c.id as customer_id, t.* from " + table
                        + " t join customer c on c.code = t.code"
                        + " order by c.id, t.order_date) t")
                .param("prefix", prefix)
                .param("me", me)
                .param("id", id)
                .update();
    }

    /**
     * One order per order key with a line per staged row: price as given or the product's list price, the cost the
     * product's unit cost now; net = quantity × price rounded to cents, the order's total and cost the sums (as
     * {@code SalesOrder} computes them). Returns the rows (lines) inserted.
     */
    private int insertWithLines(long id, long me, String table, String prefix) {
        return jdbc.sql("with priced as (select t.*, p.id as product_id, coalesce(t.unit_price, p.list_price) as price,"
                        + " p.unit_cost from " + table + " t join product p on p.code = t.product_code),"
                        + " orders as (select order_key, nextval('sales_order_seq') as order_id,"
                        + " min(order_number) as order_number, min(code) as code, min(order_date) as order_date,"
                        + " min(status) as status, sum(round(quantity * price, 2)) as total,"
                        + " sum(round(quantity * unit_cost, 2)) as cost from priced group by order_key),"
                        + " inserted as (insert into sales_order (id, order_number, customer_id, order_date, currency,"
                        + " status, total_amount, cost_amount, created_by, created_at, updated_at, import_id)"
                        + " select o.order_id,"
                        + " coalesce(o.order_number, :prefix || kehu_pad(nextval('sales_order_number_seq'), 6)),"
                        + " c.id, o.order_date, 'CNY', o.status, o.total, o.cost, :me, now(), now(), :id"
                        + " from orders o join customer c on c.code = o.code order by c.id, o.order_date returning id)"
                        + " insert into order_line (id, order_id, line_no, product_id, quantity, unit_price,"
                        + " discount_percent, unit_cost, net_amount)"
                        + " select nextval('order_line_seq'), o.order_id,"
                        + " row_number() over (partition by p.order_key order by p.line), p.product_id, p.quantity,"
                        + " p.price, 0, p.unit_cost, round(p.quantity * p.price, 2)"
                        + " from priced p join orders o on o.order_key = p.order_key"
                        + " where o.order_id in (select id from inserted)")
                .param("prefix", prefix)
                .param("me", me)
                .param("id", id)
                .update();
    }

    /**
     * Removes the orders the import inserted (their lines go with them) and the customers it created that nothing
     * else uses now, and brings the buyers' purchase counts and facts back, unless an imported order changed since
     * (its version moved) or another record (a payment, a ticket) now refers to it.
     */
    @Override
    public Map<String, Object> undo(ImportContext context) {
        long id = context.id();
        List<ImportUndoBlockedException.Blocker> blockers = new ArrayList<>(jdbc.sql("""
                        select o.id, o.order_number, c.name from sales_order o join customer c on c.id = o.customer_id
                        where o.import_id = :id and o.version <> 0 order by o.id limit 100""")
                .param("id", id)
                .query((rs, n) -> new ImportUndoBlockedException.Blocker(
                        rs.getLong(1), rs.getString(2), rs.getString(3), "changed"))
                .list());
        for (Map<String, Object> reference : references("sales_order", "order_line", "order_status_change")) {
            String referrer = (String) reference.get("table_name");
            String column = (String) reference.get("column_name");
            blockers.addAll(jdbc.sql("select distinct o.id, o.order_number, c.name from sales_order o"
                            + " join customer c on c.id = o.customer_id"
                            + " join " + quote(referrer) + " t on t." + quote(column) + " = o.id"
                            + " where o.import_id = :id order by o.id limit 100")
                    .param("id", id)
                    .query((rs, n) -> new ImportUndoBlockedException.Blocker(
                            rs.getLong(1), rs.getString(2), rs.getString(3), referrer))
                    .list());
        }
        if (!blockers.isEmpty()) {
            throw new ImportUndoBlockedException(blockers);
        }
        Map<Long, Integer> removed = new HashMap<>();
        jdbc.sql("""
                        with removed as (delete from sales_order where import_id = :id returning customer_id)
                        select customer_id, count(*) from removed group by customer_id""").param("id", id).query(rs -> {
            removed.put(rs.getLong(1), rs.getInt(2));
        });
        List<Long> buyers = new ArrayList<>(removed.keySet());
        if (buyers.size() <= REFRESH_LIMIT) {
            purchaseCounts.syncFromCompletedOrders(buyers);
            purchaseHistory.refresh(buyers);
        } else {
            purchaseCounts.syncFromCompletedOrders();
            purchaseHistory.rebuildAll();
        }
        int customers = removeCreatedCustomers(id);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put(
                "removedOrders",
                removed.values().stream().mapToInt(Integer::intValue).sum());
        facts.put("removedCustomers", customers);
        return facts;
    }

    /** The customers the import created that nothing refers to any more (their own history aside) are removed. */
    private int removeCreatedCustomers(long id) {
        List<Long> created = jdbc.sql("select customer_id from import_customer where import_id = :id")
                .param("id", id)
                .query(Long.class)
                .list();
        if (created.isEmpty()) {
            return 0;
        }
        List<Long> free = new ArrayList<>(created);
        for (Map<String, Object> reference :
                references("customer", "customer_status_change", "customer_duplicate_candidate", "customer_purchase")) {
            List<Long> used = jdbc.sql("select distinct " + quote((String) reference.get("column_name")) + " from "
                            + quote((String) reference.get("table_name")) + " where "
                            + quote((String) reference.get("column_name")) + " = any(:ids)")
                    .param("ids", free.toArray(Long[]::new))
                    .query(Long.class)
                    .list();
            free.removeAll(used);
        }
        Long[] ids = free.toArray(Long[]::new);
        jdbc.sql("delete from customer_status_change where customer_id = any(:ids)")
                .param("ids", ids)
                .update();
        jdbc.sql("delete from customer_purchase where customer_id = any(:ids)")
                .param("ids", ids)
                .update();
        return jdbc.sql("delete from customer where id = any(:ids)")
                .param("ids", ids)
                .update();
    }

    /** Columns with a foreign key to {@code target}, except those of the tables named (owned or derived rows). */
    private List<Map<String, Object>> references(String target, String... except) {
        return jdbc.sql("""
                        select cl.relname as table_name, a.attname as column_name
                        from pg_constraint con
                        join pg_class cl on cl.oid = con.conrelid
                        join pg_attribute a on a.attrelid = con.conrelid and a.attnum = con.conkey[1]
                        where con.contype = 'f' and con.confrelid = cast(:target as regclass)
                          and not (cl.relname = any(:except))
                        order by 1, 2""")
                .param("target", target)
                .param("except", except)
                .query()
                .listOfRows();
    }

    /**
     * For a preview (every row staged in import_row, no screen): passes the still-valid rows through the same checks
     * into a staging table, so validation is the same whichever way the rows were staged.
     */
    private void restage(ImportContext context) {
        long id = context.id();
        boolean lines = jdbc.sql(
                        "select exists (select 1 from import_row where import_id = :id and product_code is not null)")
                .param("id", id)
                .query(Boolean.class)
                .single();
        List<RowScreen.Rejection> rejections = new ArrayList<>();
        List<Integer> rejected = new ArrayList<>();
        try (OrderRowScreen screen = openScreen(context, lines)) {
            jdbc.sql("select line, raw, " + String.join(", ", FIELDS)
                            + " from import_row where import_id = :id and error is null order by line")
                    .param("id", id)
                    .query(rs -> {
                        String[] raw = (String[]) rs.getArray("raw").getArray();
                        String[] values = new String[FIELDS.size()];
                        for (int i = 0; i < values.length; i++) {
                            values[i] = rs.getString(FIELDS.get(i));
                        }
                        RowScreen.Rejection rejection = screen.screen(rs.getInt("line"), List.of(raw), values);
                        if (rejection != null) {
                            rejections.add(rejection);
                            rejected.add(rs.getInt("line"));
                        }
                    });
            screen.finish();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not stage the order rows", e);
        }
        for (int i = 0; i < rejected.size(); i++) {
            RowScreen.Rejection rejection = rejections.get(i);
            jdbc.sql("update import_row set error = :e, error_arg = :a, order_key = :k"
                            + " where import_id = :id and line = :line")
                    .param("e", rejection.reason())
                    .param("a", rejection.arg())
                    .param("k", rejection.group())
                    .param("id", id)
                    .param("line", rejected.get(i))
                    .update();
        }
    }

    private boolean staged(String table) {
        return jdbc.sql("select to_regclass(:t) is not null")
                .param("t", table)
                .query(Boolean.class)
                .single();
    }

    /** Lower-case status label (constant, English, Chinese) to its constant. */
    private Map<String, String> statusLabels() {
        Map<String, String> labels = new HashMap<>();
        for (OrderStatus status : OrderStatus.values()) {
            String key = "OrderStatus." + status.name();
            for (String label : List.of(
                    status.name(),
                    messages.getMessage(key, null, status.name(), Locale.ROOT),
                    messages.getMessage(key, null, status.name(), Locale.SIMPLIFIED_CHINESE))) {
                labels.put(label.toLowerCase(Locale.ROOT), status.name());
            }
        }
        return labels;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static Map<String, String> synonymTable() {
        Map<String, String> synonyms = new LinkedHashMap<>();
        for (String field : FIELDS) {
            synonyms.put(field, field);
        }
        put(synonyms, "code", "customer_code", "customer code", "客户编号", "客户代码", "客户编码");
        put(synonyms, "name", "customer_name", "customer name", "客户名称");
        put(synonyms, "order_date", "order date", "date", "订单日期", "下单日期", "日期");
        put(synonyms, "amount", "金额", "订单金额", "total");
        put(synonyms, "status", "状态", "订单状态");
        put(synonyms, "order_number", "order number", "order no", "order_no", "订单编号", "订单号");
        put(synonyms, "product_code", "product code", "sku", "产品编码", "产品编号", "商品编码");
        put(synonyms, "quantity", "qty", "数量");
        put(synonyms, "unit_price", "unit price", "price", "单价");
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
