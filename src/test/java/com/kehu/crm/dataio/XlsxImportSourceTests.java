package com.kehu.crm.dataio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streaming .xlsx input: cell values as text, positions kept, line numbers, format detection, flat memory. */
class XlsxImportSourceTests {

    @TempDir
    Path dir;

    interface SheetWriter {
        void write(SXSSFWorkbook workbook, Sheet sheet);
    }

    Path workbook(String name, SheetWriter writer) throws IOException {
        Path file = dir.resolve(name);
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100);
                OutputStream out = Files.newOutputStream(file)) {
            writer.write(workbook, workbook.createSheet("数据"));
            workbook.createSheet("second").createRow(0).createCell(0).setCellValue("not read");
            workbook.write(out);
        }
        return file;
    }

    static List<List<String>> readAll(ImportSource source, List<Integer> lines) throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<String> record;
        while ((record = source.next()) != null) {
            records.add(record);
            lines.add(source.line());
        }
        return records;
    }

    @Test
    void readsCellsAsTextWithDatesNumbersFormulasAndGapsInPlace() throws IOException {
        Path file = workbook("客户.xlsx", (workbook, sheet) -> {
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d"));
            CellStyle usDate = workbook.createCellStyle();
            usDate.setDataFormat((short) 14);
            CellStyle dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            CellStyle grouped = workbook.createCellStyle();
            grouped.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            Row header = sheet.createRow(0);
            String[] names = {"客户编号", "客户名称", "电话", "订单日期", "金额", "合计", "VIP"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            Row first = sheet.createRow(1);
            first.createCell(0).setCellValue("C001");
            first.createCell(1).setCellValue("上海星辰贸易有限公司");
            first.createCell(2).setCellValue(13800138000d);
            first.createCell(3).setCellValue(LocalDate.of(2026, 3, 5));
            first.getCell(3).setCellStyle(date);
            first.createCell(4).setCellValue(1234.5);
            first.getCell(4).setCellStyle(grouped);
            first.createCell(5).setCellFormula("E2*2");
            first.getCell(5).setCellValue(2469d);
            first.createCell(6).setCellValue(true);
            // the middle cells (name, phone) and the trailing ones are left out, as Excel does for empty cells
            Row second = sheet.createRow(2);
            second.createCell(0).setCellValue("C002");
            second.createCell(3).setCellValue(LocalDate.of(2026, 12, 31));
            second.getCell(3).setCellStyle(usDate);
            second.createCell(4).setCellValue(100.5);
            // row 4 stays empty; row 5 has a date-time and a text formula
            Row fifth = sheet.createRow(4);
            fifth.createCell(0).setCellValue("C003");
            fifth.createCell(1).setCellFormula("\"A\"&\"B\"");
            fifth.getCell(1).setCellValue("AB");
            fifth.createCell(3).setCellValue(LocalDateTime.of(2026, 1, 2, 13, 45));
            fifth.getCell(3).setCellStyle(dateTime);
            fifth.createCell(4).setCellValue(-0.1 + 0.3);
        });
        List<Integer> lines = new ArrayList<>();
        try (ImportSource source = ImportSources.open(file, "客户.xlsx", StandardCharsets.UTF_8)) {
            assertThat(source).isInstanceOf(XlsxImportSource.class);
            assertThat(source.headers()).containsExactly("客户编号", "客户名称", "电话", "订单日期", "金额", "合计", "VIP");
            List<List<String>> records = readAll(source, lines);
            assertThat(records)
                    .containsExactly(
                            List.of("C001", "上海星辰贸易有限公司", "13800138000", "2026-03-05", "1234.5", "2469", "TRUE"),
                            List.of("C002", "", "", "2026-12-31", "100.5", "", ""),
                            List.of("C003", "AB", "", "2026-01-02 13:45:00", "0.2", "", ""));
            assertThat(lines).containsExactly(2, 3, 5);
            assertThat(source.bytesRead()).isEqualTo(Files.size(file));
        }
    }

    @Test
    void spreadsheetsAreRecognisedByContentAndNeverReadAsText() throws IOException {
        Path file = workbook("upload.bin", (workbook, sheet) -> {
            sheet.createRow(0).createCell(0).setCellValue("name");
            sheet.createRow(1).createCell(0).setCellValue("北京长城机械厂");
        });
        assertThat(ImportSources.charset(file, null)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(ImportSources.charset(file, "GB18030")).isEqualTo(StandardCharsets.UTF_8);
        try (ImportSource source = ImportSources.open(file, "upload.csv", Charset.forName("GB18030"))) {
            assertThat(source.headers()).containsExactly("name");
            assertThat(source.next()).containsExactly("北京长城机械厂");
            assertThat(source.next()).isNull();
        }
    }

    @Test
    void oldExcelFilesAndBrokenWorkbooksFailWithAMessageKey() throws IOException {
        Path xls = dir.resolve("old.xls");
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        Files.write(xls, ole2);
        assertThatThrownBy(() -> ImportSources.open(xls, "old.xls", StandardCharsets.UTF_8))
                .isInstanceOf(ImportRunner.UnreadableFileException.class)
                .hasMessage("import.failure.xls");

        Path broken = dir.resolve("broken.xlsx");
        Files.write(broken, new byte[] {0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8});
        assertThatThrownBy(() -> ImportSources.open(broken, "broken.xlsx", StandardCharsets.UTF_8))
                .isInstanceOf(ImportRunner.UnreadableFileException.class)
                .hasMessage("import.failure.generic");

        Path text = dir.resolve("named.xlsx");
        Files.writeString(text, "name\nX\n");
        assertThatThrownBy(() -> ImportSources.open(text, "named.xlsx", StandardCharsets.UTF_8))
                .isInstanceOf(ImportRunner.UnreadableFileException.class)
                .hasMessage("import.failure.generic");
    }

    @Test
    void columnReferencesCountFromZero() {
        assertThat(XlsxImportSource.column("A1")).isZero();
        assertThat(XlsxImportSource.column("Z9")).isEqualTo(25);
        assertThat(XlsxImportSource.column("AA10")).isEqualTo(26);
        assertThat(XlsxImportSource.column("XFD1048576")).isEqualTo(16_383);
    }

    @Test
    void streamsALargeSheetWithFlatMemory() throws IOException {
        int rows = 200_000;
        Path file = workbook("big.xlsx", (workbook, sheet) -> {
            Row header = sheet.createRow(0);
            String[] names = {"customer_code", "customer_name", "order_date", "amount", "phone"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            for (int r = 1; r <= rows; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("C" + r);
                row.createCell(1).setCellValue("客户名称 number " + r + " 有限公司");
                row.createCell(2).setCellValue("2026-03-05");
                row.createCell(3).setCellValue(r + 0.5);
                row.createCell(4).setCellValue(13_800_000_000d + r);
            }
        });
        long atTenThousand = 0;
        int count = 0;
        try (ImportSource source = ImportSources.open(file, "big.xlsx", StandardCharsets.UTF_8)) {
            List<String> record;
            while ((record = source.next()) != null) {
                count++;
                if (count == 10_000) {
                    atTenThousand = usedHeapAfterGc();
                }
                if (count == rows) {
                    assertThat(record)
                            .containsExactly(
                                    "C" + rows,
                                    "客户名称 number " + rows + " 有限公司",
                                    "2026-03-05",
                                    rows + ".5",
                                    String.valueOf(13_800_000_000L + rows));
                }
            }
            long atEnd = usedHeapAfterGc();
            assertThat(count).isEqualTo(rows);
            assertThat(source.line()).isEqualTo(rows + 1);
            // 190,000 more rows held would be tens of megabytes; a streamed sheet stays where it was
            assertThat(atEnd - atTenThousand).isLessThan(16L * 1024 * 1024);
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
