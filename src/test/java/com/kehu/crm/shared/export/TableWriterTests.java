package com.kehu.crm.shared.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TableWriterTests {

    @Test
    void escapesEveryCellThatASpreadsheetWouldRunAsAFormula() {
        assertThat(SpreadsheetCells.escape("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(SpreadsheetCells.escape("+86 138")).isEqualTo("'+86 138");
        assertThat(SpreadsheetCells.escape("-2+3")).isEqualTo("'-2+3");
        assertThat(SpreadsheetCells.escape("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetCells.escape("\t=1")).isEqualTo("'\t=1");
        assertThat(SpreadsheetCells.escape("华东机械 = 好")).isEqualTo("华东机械 = 好");
        assertThat(SpreadsheetCells.escape(null)).isEmpty();
    }

    @Test
    void writesCsvInUtf8WithABomQuotingAndEscaping() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter writer = TableWriter.open(ExportFormat.CSV, out, List.of("名称", "电话", "金额"))) {
            writer.row("华东机械, 有限公司", "=cmd|' /C calc'!A0", new BigDecimal("1200.50"));
            writer.row("say \"hi\"", null, 3);
            assertThat(writer.rowCount()).isEqualTo(2);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text)
                .isEqualTo("\uFEFF名称,电话,金额\r\n" + "\"华东机械, 有限公司\",'=cmd|' /C calc'!A0,1200.50\r\n"
                        + "\"say \"\"hi\"\"\",,3\r\n");
    }

    @Test
    void writesXlsxWithTextEscapedAndNumbersAsNumbers() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter writer = TableWriter.open(ExportFormat.XLSX, out, List.of("name", "amount", "date"))) {
            for (int i = 0; i < 500; i++) { // more rows than the in-memory window
                writer.row(i == 0 ? "-1+1" : "row " + i, new BigDecimal("10.25"), LocalDate.of(2026, 11, 24));
            }
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(500);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("name");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("'-1+1");
            assertThat(sheet.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(10.25);
            assertThat(sheet.getRow(500).getCell(2).getStringCellValue()).isEqualTo("2026-11-24");
        }
    }

    @Test
    void parsesTheFormatParameter() {
        assertThat(ExportFormat.parse("XLSX")).contains(ExportFormat.XLSX);
        assertThat(ExportFormat.parse("csv")).contains(ExportFormat.CSV);
        assertThat(ExportFormat.parse("pdf")).isEmpty();
    }
}
