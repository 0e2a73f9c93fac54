package com.kehu.crm.dataio;

import com.kehu.crm.order.OrderStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Validation and merge of staged order rows (header only: customer code, date, amount, status), set-based. Orders are
 * COMPLETED unless the file says otherwise; an unknown customer code fails the row, or creates the customer (owned
 * by the importer) when asked to.
 */
final class OrderImportSql {

    private final JdbcClient jdbc;
    private final MessageSource messages;

    OrderImportSql(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    void validate(long id, int headerCount, boolean createMissing, boolean admin, Long[] assignable) {
        fail(id, "columns <> :n", "import.error.columns", String.valueOf(headerCount), Map.of("n", headerCount));
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

    /** Inserts the orders (and missing customers); returns the customers that got orders. */
    List<Long> merge(long id, long me) {
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
}
