package com.kehu.crm.shared.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * Streamed .xlsx (Apache POI SXSSF): only the last 100 rows are held in memory, the rest go to a compressed temporary
 * file that is deleted on close. Shared strings are off, so memory does not grow with distinct values either.
 */
final class XlsxTableWriter implements TableWriter, TableWriter.HeaderWriting {

    private static final int MAX_ROWS = 1_048_575; // the .xlsx limit, less the header

    private final OutputStream out;
    private final SXSSFWorkbook workbook;
    private final SXSSFSheet sheet;
    private long rows;

    XlsxTableWriter(OutputStream out) {
        this.out = out;
        this.workbook = new SXSSFWorkbook(null, 100, true, false);
        this.sheet = workbook.createSheet("export");
    }

    @Override
    public void header(List<String> headers) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(bold);
        Row row = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(SpreadsheetCells.escape(headers.get(i)));
            cell.setCellStyle(style);
        }
        sheet.createFreezePane(0, 1);
    }

    @Override
    public void row(@Nullable Object... cells) throws IOException {
        if (rows >= MAX_ROWS) {
            throw new IOException("More rows than an .xlsx sheet holds; export as CSV instead");
        }
        Row row = sheet.createRow((int) rows + 1);
        for (int i = 0; i < cells.length; i++) {
            Object value = cells[i];
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else {
                cell.setCellValue(SpreadsheetCells.escape(value.toString()));
            }
        }
        rows++;
    }

    @Override
    public long rowCount() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        try {
            workbook.write(out);
            out.flush();
        } finally {
            workbook.close(); // also deletes the temporary files
        }
    }
}
