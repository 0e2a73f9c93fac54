package com.kehu.crm.dataio;

import com.kehu.crm.order.PaymentMethod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Payments received (回款) from a file, against orders by order number, with the rules of
 * {@code SalesOrder.receivePayment}: the order must be one the importer may change (a manager: a customer of their
 * team; an admin: any) and accept payments (confirmed, shipped or completed); amounts are positive with at most two
 * decimals (the method, when the file has none, is bank transfer, the payment form's default); and an order's
 * payments never exceed what it still owes: in file order, from the first payment that would,
 * that order's rows fail. The orders' paid amounts go up set-based in the same transaction, under a row lock as the
 * payment screen takes it. A payment identical to a recorded one (order, date, amount, reference) is skipped unless
 * the import says CREATE, so a bank statement can be imported twice; recorded payments are never changed.
 */
@Component
class PaymentImportKind implements ImportKind {

    static final List<String> FIELDS = List.of("order_number", "paid_on", "amount", "method", "reference");

    private static final Map<String, String> HEADER_SYNONYMS = ImportChecks.synonyms(
            FIELDS,
            Map.of(
                    "order_number", List.of("order number", "order no", "order", "订单号", "订单编号"),
                    "paid_on", List.of("payment date", "paid on", "date", "回款日期", "付款日期", "日期"),
                    "amount", List.of("金额", "回款金额", "付款金额"),
                    "method", List.of("payment method", "回款方式", "付款方式", "支付方式"),
                    "reference", List.of("ref", "凭证号", "凭证号/备注", "凭证号／备注")));
    private static final String SAME_PAYMENT =
            "order_id || '/' || parsed_date || '/' || parsed_amount || '/' || coalesce(reference, '')";

    private final JdbcClient jdbc;
    private final ImportChecks checks;

    PaymentImportKind(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.checks = new ImportChecks(jdbc, messages);
    }

    @Override
    public ImportType type() {
        return ImportType.PAYMENTS;
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
        for (String column : FIELDS.subList(0, 3)) {
            checks.required(id, column);
        }
        checks.maxLengths(id, Map.of("order_number", 50, "reference", 200));
        checks.date(id, "paid_on");
        checks.money(id, "amount");
        jdbc.sql("update import_row set parsed_amount = amount::numeric where import_id = :id and error is null")
                .param("id", id)
                .update();
        sql.fail(id, "parsed_amount <= 0", "import.error.notPositive", "amount", Map.of());
        sql.enumColumn(id, "method", PaymentMethod.class);
        jdbc.sql("""
                        update import_row r set order_id = o.id, customer_id = o.customer_id
                        from sales_order o
                        where r.import_id = :id and r.error is null and o.order_number = upper(r.order_number)""").param("id", id).update();
        // an order the importer may not change is as unknown to them as on the order screens (404 there)
        if (!context.user().isAdmin()) {
            jdbc.sql("""
                            update import_row r set order_id = null, customer_id = null
                            where r.import_id = :id and r.error is null and r.order_id is not null
                              and not exists (select 1 from customer c where c.id = r.customer_id
                                              and c.owner_id = any(:mine))""").param("id", id).param("mine", context.assignable()).update();
        }
        sql.fail(id, "order_id is null", "import.error.unknownOrder");
        sql.fail(
                id,
                "exists (select 1 from sales_order o where o.id = order_id"
                        + " and o.status not in ('CONFIRMED', 'SHIPPED', 'COMPLETED'))",
                "import.error.paymentNotAccepted");
        checks.duplicateInFile(id, SAME_PAYMENT, "import.error.samePayment");
        if (context.request().onDuplicate() != OnDuplicate.CREATE) {
            jdbc.sql("""
                            update import_row r set record_id = (
                                select min(p.id) from payment p where p.order_id = r.order_id
                                  and p.paid_on = r.parsed_date and p.amount = r.parsed_amount
                                  and coalesce(p.reference, '') = coalesce(r.reference, ''))
                            where r.import_id = :id and r.error is null""").param("id", id).update();
        }
        exceeding(id);
    }

    /**
     * Fails new payments that would take their order past its total, in file order; the reason shows what was still
     * owed after the payments before them.
     */
    private int exceeding(long id) {
        return jdbc.sql("""
                        update import_row r set error = 'import.error.exceedsOutstanding',
                            error_arg = (s.owed - coalesce(s.accepted, 0))::text
                        from (select line, running, owed,
                                     max(running) filter (where running <= owed) over (partition by order_id) as accepted
                              from (select i.line, i.order_id, o.total_amount - o.paid_amount as owed,
                                           sum(i.parsed_amount) over (partition by i.order_id order by i.line) as running
                                    from import_row i join sales_order o on o.id = i.order_id
                                    where i.import_id = :id and i.error is null and i.record_id is null) x) s
                        where r.import_id = :id and r.line = s.line and s.running > s.owed""").param("id", id).update();
    }

    @Override
    public void merge(ImportContext context) {
        long id = context.id();
        // the payment screen's lock: payments recorded meanwhile queue up behind the import, and what is owed is
        // checked again under it
        jdbc.sql("""
                        select o.id from sales_order o
                        where o.id in (select order_id from import_row where import_id = :id and error is null)
                        order by o.id for update""").param("id", id).query(Long.class).list();
        if (exceeding(id) > 0 && context.request().allOrNothing()) {
            throw new IllegalStateException("Payments recorded during import " + id + " left too little owed");
        }
        jdbc.sql("update import_row set action = 'SKIP' where import_id = :id and error is null"
                        + " and record_id is not null")
                .param("id", id)
                .update();
        jdbc.sql("""
                        update import_row set action = 'INSERT', record_id = nextval('payment_seq')
                        where import_id = :id and error is null and action is null""").param("id", id).update();
        jdbc.sql("""
                        insert into payment (id, order_id, customer_id, amount, paid_on, method, reference, recorded_by,
                                             recorded_at)
                        select r.record_id, r.order_id, r.customer_id, r.parsed_amount, r.parsed_date,
                               coalesce(r.method, 'BANK_TRANSFER'),
                               r.reference, :me, now()
                        from import_row r where r.import_id = :id and r.action = 'INSERT' order by r.line""").param("me", context.user().id()).param("id", id).update();
        jdbc.sql("""
                        update sales_order o set paid_amount = o.paid_amount + s.paid, version = o.version + 1,
                            updated_at = now()
                        from (select order_id, sum(parsed_amount) as paid from import_row
                              where import_id = :id and action = 'INSERT' group by order_id) s
                        where o.id = s.order_id""").param("id", id).update();
        jdbc.sql("""
                        update import_row r set new_version = o.version from sales_order o
                        where r.import_id = :id and r.action = 'INSERT' and o.id = r.order_id""").param("id", id).update();
    }

    /**
     * Removes the payments the import recorded and takes them off their orders' paid amounts, unless an order
     * changed since (another payment, a status change, an edit: its version moved).
     */
    @Override
    public Map<String, Object> undo(ImportContext context) {
        long id = context.id();
        jdbc.sql("""
                        select o.id from sales_order o
                        where o.id in (select order_id from import_row where import_id = :id and action = 'INSERT')
                        order by o.id for update""").param("id", id).query(Long.class).list();
        List<ImportUndoBlockedException.Blocker> blockers = new ArrayList<>(jdbc.sql("""
                        select distinct o.id, o.order_number, c.name
                        from import_row r join sales_order o on o.id = r.order_id join customer c on c.id = o.customer_id
                        where r.import_id = :id and r.action = 'INSERT' and o.version <> r.new_version
                        order by o.order_number""")
                .param("id", id)
                .query((rs, n) -> new ImportUndoBlockedException.Blocker(
                        rs.getLong(1), rs.getString(2), rs.getString(3), "changed"))
                .list());
        blockers.addAll(checks.referredTo(id, "payment", "t.reference", "t.amount::text", List.of()));
        if (!blockers.isEmpty()) {
            throw new ImportUndoBlockedException(blockers);
        }
        int removed = jdbc.sql("""
                        delete from payment p using import_row r
                        where r.import_id = :id and r.action = 'INSERT' and p.id = r.record_id""").param("id", id).update();
        int orders = jdbc.sql("""
                        update sales_order o set paid_amount = o.paid_amount - s.paid, version = o.version + 1,
                            updated_at = now()
                        from (select order_id, sum(parsed_amount) as paid from import_row
                              where import_id = :id and action = 'INSERT' group by order_id) s
                        where o.id = s.order_id""").param("id", id).update();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("removed", removed);
        facts.put("orders", orders);
        return facts;
    }

    /** The order paid, the day and the amount. */
    @Override
    public List<String> requiredFields() {
        return List.of("order_number", "paid_on", "amount");
    }

    /** A payment never updates another: an identical one already recorded is skipped, whatever onDuplicate says. */
    @Override
    public boolean matchesExisting() {
        return false;
    }
}
