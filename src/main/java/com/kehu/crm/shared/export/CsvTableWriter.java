package com.kehu.crm.shared.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** RFC 4180 CSV in UTF-8 with a byte-order mark (Excel needs it to read Chinese), CRLF line ends. */
final class CsvTableWriter implements TableWriter, TableWriter.HeaderWriting {

    private final Writer out;
    private long rows;

    CsvTableWriter(OutputStream stream) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
        out.write('\uFEFF');
    }

    @Override
    public void header(List<String> headers) throws IOException {
        write(headers.toArray());
    }

    @Override
    public void row(@Nullable Object... cells) throws IOException {
        write(cells);
        rows++;
    }

    private void write(@Nullable Object[] cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            Object cell = cells[i];
            if (cell instanceof Number number) {
                out.write(number instanceof java.math.BigDecimal d ? d.toPlainString() : number.toString());
            } else if (cell != null) {
                out.write(SpreadsheetCells.csvQuote(SpreadsheetCells.escape(cell.toString())));
            }
        }
        out.write("\r\n");
    }

    @Override
    public long rowCount() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
