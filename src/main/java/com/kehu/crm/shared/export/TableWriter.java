package com.kehu.crm.shared.export;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes one table (a header row, then data rows) to a stream, row by row, so an export of a million rows needs no
 * more memory than one of ten. Text cells are escaped with {@link SpreadsheetCells#escape}; numbers stay numbers in
 * .xlsx. Typical use, from a query that streams its rows:
 *
 * <pre>
 * try (TableWriter out = TableWriter.open(format, response.getOutputStream(), headers)) {
 *     queries.stream(filter, row -> out.row(row.code(), row.name(), row.total()));
 * }
 * </pre>
 */
public interface TableWriter extends Closeable {

    /** One data row; each cell a {@link CharSequence}, a {@link Number}, a date/time (written as ISO text) or null. */
    void row(@Nullable Object... cells) throws IOException;

    default void row(List<?> cells) throws IOException {
        row(cells.toArray());
    }

    /** Data rows written so far (the header not counted): what the audit log records. */
    long rowCount();

    static TableWriter open(ExportFormat format, OutputStream out, List<String> headers) throws IOException {
        TableWriter writer = format == ExportFormat.CSV ? new CsvTableWriter(out) : new XlsxTableWriter(out);
        ((HeaderWriting) writer).header(headers);
        return writer;
    }

    /** Internal: writes the header row without counting it. */
    interface HeaderWriting {
        void header(List<String> headers) throws IOException;
    }
}
