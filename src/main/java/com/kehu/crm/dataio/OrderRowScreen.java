package com.kehu.crm.dataio;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Checks order rows while the file streams (the cheap checks: column count, customer code, date, amount, status,
 * product code, quantity, price) and COPYs the good ones, typed, into the import's staging table, a copy of
 * {@code import_order_stage} (V30). Rows with lines get the key of the order they belong to: their order number, or
 * for files without one, the first line of the run of consecutive rows with the same customer and date.
 */
final class OrderRowScreen implements RowScreen {

    private static final Pattern AMOUNT = Pattern.compile("\\d{1,15}(\\.\\d{1,2})?");
    private static final Pattern QUANTITY = Pattern.compile("\\d{1,12}(\\.\\d{1,3})?");
    private static final Pattern DASHED = Pattern.compile("(\\d{4})([-/])(\\d{1,2})\\2(\\d{1,2})");
    private static final Pattern COMPACT = Pattern.compile("\\d{8}");

    private final Connection connection;
    private final CopyIn copy;
    private final int headerCount;
    private final boolean lines;
    private final Map<String, String> statuses;
    private final StringBuilder chunk = new StringBuilder(1 << 16);
    private @Nullable String runKey;
    private @Nullable String runOrder;
    private long accepted;

    /**
     * @param lines whether the file has lines (a product code column); then every row is a line of an order
     * @param statuses lower-case status label (constant, English, Chinese) to its constant
     */
    OrderRowScreen(Connection connection, String table, int headerCount, boolean lines, Map<String, String> statuses)
            throws SQLException {
        this.connection = connection;
        this.headerCount = headerCount;
        this.lines = lines;
        this.statuses = statuses;
        connection.setAutoCommit(false);
        this.copy = connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("copy " + table + " (line, raw, order_key, code, name, order_number, order_date, amount,"
                        + " status, product_code, quantity, unit_price) from stdin");
    }

    long accepted() {
        return accepted;
    }

    @Override
    public @Nullable Rejection screen(int line, List<String> record, @Nullable String[] values) throws SQLException {
        String code = values[OrderImportKind.CODE];
        String date = values[OrderImportKind.ORDER_DATE];
        String number = values[OrderImportKind.ORDER_NUMBER];
        String key = lines ? key(line, number, code, date) : null;
        Rejection rejection = check(record.size(), values, key);
        if (rejection != null) {
            return rejection;
        }
        String status = values[OrderImportKind.STATUS];
        chunk.append(line).append('\t');
        chunk.append(ImportRunner.escape(ImportRunner.textArray(record))).append('\t');
        text(key).append('\t');
        text(code).append('\t');
        text(values[OrderImportKind.NAME]).append('\t');
        text(number).append('\t');
        chunk.append(Objects.requireNonNull(parseDate(Objects.requireNonNull(date))))
                .append('\t');
        text(lines ? null : values[OrderImportKind.AMOUNT]).append('\t');
        chunk.append(status == null ? "COMPLETED" : statuses.get(status.toLowerCase(Locale.ROOT)))
                .append('\t');
        String product = values[OrderImportKind.PRODUCT_CODE];
        text(product == null ? null : product.toUpperCase(Locale.ROOT)).append('\t');
        text(values[OrderImportKind.QUANTITY]).append('\t');
        text(values[OrderImportKind.UNIT_PRICE]).append('\n');
        accepted++;
        return null;
    }

    private @Nullable Rejection check(int columns, @Nullable String[] values, @Nullable String key) {
        if (columns != headerCount) {
            return new Rejection("import.error.columns", String.valueOf(headerCount), key);
        }
        String code = values[OrderImportKind.CODE];
        if (code == null) {
            return new Rejection("import.error.customerRequired", null, key);
        }
        if (code.length() > 50) {
            return new Rejection("import.error.tooLong", "code", key);
        }
        String name = values[OrderImportKind.NAME];
        if (name != null && name.length() > 200) {
            return new Rejection("import.error.tooLong", "name", key);
        }
        String number = values[OrderImportKind.ORDER_NUMBER];
        if (number != null && number.length() > 50) {
            return new Rejection("import.error.tooLong", "order_number", key);
        }
        String date = values[OrderImportKind.ORDER_DATE];
        if (date == null || parseDate(date) == null) {
            return new Rejection("import.error.date", null, key);
        }
        String amount = values[OrderImportKind.AMOUNT];
        if (!lines && (amount == null || !AMOUNT.matcher(amount).matches())) {
            return new Rejection("import.error.amount", null, key);
        }
        String status = values[OrderImportKind.STATUS];
        if (status != null && !statuses.containsKey(status.toLowerCase(Locale.ROOT))) {
            return new Rejection("import.error.badValue", "status", key);
        }
        if (lines) {
            String product = values[OrderImportKind.PRODUCT_CODE];
            if (product == null) {
                return new Rejection("import.error.productRequired", null, key);
            }
            if (product.length() > 40) {
                return new Rejection("import.error.tooLong", "product_code", key);
            }
            String quantity = values[OrderImportKind.QUANTITY];
            if (quantity == null
                    || !QUANTITY.matcher(quantity).matches()
                    || new java.math.BigDecimal(quantity).signum() <= 0) {
                return new Rejection("import.error.quantity", null, key);
            }
            String price = values[OrderImportKind.UNIT_PRICE];
            if (price != null && !AMOUNT.matcher(price).matches()) {
                return new Rejection("import.error.price", null, key);
            }
        }
        return null;
    }

    /** The order a line belongs to: its number, else the first line of its run of rows of one customer and date. */
    private String key(int line, @Nullable String number, @Nullable String code, @Nullable String date) {
        if (number != null) {
            runKey = null;
            return "N" + number;
        }
        String run = code + "\u0001" + date;
        if (!run.equals(runKey) || runOrder == null) {
            runKey = run;
            runOrder = "L" + line;
        }
        return runOrder;
    }

    private StringBuilder text(@Nullable String value) {
        return value == null ? chunk.append("\\N") : chunk.append(ImportRunner.escape(value));
    }

    /** yyyy-M-d, yyyy/M/d or yyyyMMdd as a real date, else null (2026-02-30 is none). */
    static @Nullable LocalDate parseDate(String text) {
        try {
            var dashed = DASHED.matcher(text);
            if (dashed.matches()) {
                return LocalDate.of(
                        Integer.parseInt(dashed.group(1)),
                        Integer.parseInt(dashed.group(3)),
                        Integer.parseInt(dashed.group(4)));
            }
            if (COMPACT.matcher(text).matches()) {
                return LocalDate.of(
                        Integer.parseInt(text, 0, 4, 10),
                        Integer.parseInt(text, 4, 6, 10),
                        Integer.parseInt(text, 6, 8, 10));
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    @Override
    public void flush() throws SQLException {
        if (!chunk.isEmpty()) {
            byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            chunk.setLength(0);
        }
    }

    @Override
    public void finish() throws SQLException {
        flush();
        copy.endCopy();
        connection.commit();
    }

    @Override
    public void close() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            connection.rollback();
            connection.setAutoCommit(true);
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not release the order staging connection", e);
        }
    }
}
