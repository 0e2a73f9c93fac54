package com.kehu.crm.dataio;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXException;

/**
 * The first worksheet of an Excel .xlsx file, streamed: the sheet XML is pulled with StAX one row at a time, so
 * memory stays flat whatever the number of rows (the shared-strings table, bounded by the upload size, and the styles
 * are read up front, as every streaming xlsx reader does). Cells come out as text the way a CSV export would give them:
 * date-formatted numbers as {@code yyyy-MM-dd} (with {@code HH:mm:ss} when the format shows a time), other numbers
 * plain ({@code 13800138000}, {@code 100.5}, at Excel's 15 significant digits), booleans as TRUE/FALSE, formulas as
 * their cached value. Empty cells keep their column by cell reference; rows are padded to the header's width.
 *
 * <p>{@link #bytesRead()} is the share of the sheet's uncompressed XML parsed so far, scaled to the file size, so
 * progress reaches the file size exactly when the sheet is read.
 */
final class XlsxImportSource implements ImportSource {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final MathContext EXCEL_PRECISION = new MathContext(15);
    private static final Logger log = LoggerFactory.getLogger(XlsxImportSource.class);

    private final OPCPackage pkg;
    private final ReadOnlySharedStringsTable strings;
    private final @Nullable StylesTable styles;
    private final Map<String, Optional<DateTimeFormatter>> dateFormats = new HashMap<>();
    private final boolean date1904;
    private final CountingStream counted;
    private final XMLStreamReader xml;
    private final long fileBytes;
    private final long sheetBytes;
    private final List<String> headers;
    private int line;

    XlsxImportSource(Path file) throws IOException {
        fileBytes = Files.size(file);
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (InvalidFormatException | RuntimeException e) {
            log.warn("Not an .xlsx workbook: {}", file, e);
            throw new ImportRunner.UnreadableFileException("import.failure.generic");
        }
        try {
            XSSFReader reader = new XSSFReader(pkg);
            strings = new ReadOnlySharedStringsTable(pkg, false);
            styles = reader.getStylesTable();
            date1904 = date1904(reader);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new ImportRunner.UnreadableFileException("import.failure.empty");
            }
            InputStream sheet = sheets.next();
            long size = sheets.getSheetPart().getSize();
            sheetBytes = size > 0 ? size : fileBytes;
            counted = new CountingStream(sheet);
            xml = factory().createXMLStreamReader(counted);
            List<String> first = nextRecord();
            headers = first == null ? List.of() : trimTrailingEmpty(first);
        } catch (OpenXML4JException | SAXException | XMLStreamException | RuntimeException e) {
            pkg.revert();
            if (e instanceof ImportRunner.UnreadableFileException unreadable) {
                throw unreadable;
            }
            log.warn("Unreadable .xlsx workbook: {}", file, e);
            throw new ImportRunner.UnreadableFileException("import.failure.generic");
        }
    }

    @Override
    public List<String> headers() {
        return headers;
    }

    @Override
    public @Nullable List<String> next() throws IOException {
        try {
            List<String> record = nextRecord();
            if (record == null) {
                return null;
            }
            while (record.size() > headers.size()
                    && record.get(record.size() - 1).isEmpty()) {
                record.remove(record.size() - 1);
            }
            while (record.size() < headers.size()) {
                record.add("");
            }
            return record;
        } catch (XMLStreamException e) {
            throw new IOException("Unreadable sheet XML near row " + line, e);
        }
    }

    @Override
    public int line() {
        return line;
    }

    @Override
    public long bytesRead() {
        return Math.min(fileBytes, (long) ((double) counted.count / sheetBytes * fileBytes));
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException ignored) {
            // the stream below is closed next either way
        }
        counted.close();
        // read-only: revert closes the zip without trying to save anything
        pkg.revert();
    }

    /** The next row with at least one non-empty cell, or null at the end of the sheet. */
    private @Nullable List<String> nextRecord() throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
                String r = xml.getAttributeValue(null, "r");
                line = r == null ? line + 1 : Integer.parseInt(r);
                List<String> cells = readRow();
                if (cells.stream().anyMatch(cell -> !cell.isEmpty())) {
                    return cells;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT
                    && xml.getLocalName().equals("sheetData")) {
                return null;
            }
        }
        return null;
    }

    /** The cells of the current row, gaps (cells Excel leaves out) filled with empty strings. */
    private List<String> readRow() throws XMLStreamException {
        List<String> cells = new ArrayList<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
                return cells;
            }
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
                String ref = xml.getAttributeValue(null, "r");
                int column = ref == null ? cells.size() : column(ref);
                String type = xml.getAttributeValue(null, "t");
                String style = xml.getAttributeValue(null, "s");
                String value = readCell(type, style);
                while (cells.size() < column) {
                    cells.add("");
                }
                if (column < cells.size()) {
                    cells.set(column, value);
                } else {
                    cells.add(value);
                }
            }
        }
        return cells;
    }

    /** Reads up to the cell's end tag: its cached value ({@code v}) or inline string, as text. */
    private String readCell(@Nullable String type, @Nullable String style) throws XMLStreamException {
        StringBuilder value = new StringBuilder();
        boolean inValue = false;
        boolean inText = false;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                inValue = name.equals("v");
                // inline strings: <is><t>..</t></is> or rich runs <is><r><t>..</t></r></is>; phonetic runs skipped
                if (name.equals("rPh")) {
                    skip("rPh");
                } else {
                    inText = name.equals("t");
                }
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                if (inValue || inText) {
                    value.append(xml.getText());
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String name = xml.getLocalName();
                if (name.equals("c")) {
                    break;
                }
                if (name.equals("v")) {
                    inValue = false;
                } else if (name.equals("t")) {
                    inText = false;
                }
            }
        }
        return format(type, style, value.toString());
    }

    private void skip(String element) throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals(element)) {
                return;
            }
        }
    }

    private String format(@Nullable String type, @Nullable String style, String value) {
        if (value.isEmpty()) {
            return value;
        }
        if (type == null || type.equals("n")) {
            return number(value, style);
        }
        return switch (type) {
            case "s" -> strings.getItemAt(Integer.parseInt(value.strip())).getString();
            case "b" -> value.strip().equals("1") ? "TRUE" : "FALSE";
            // str (formula text result), inlineStr, e (error such as #DIV/0!), d (ISO date text)
            default -> value;
        };
    }

    private String number(String value, @Nullable String style) {
        BigDecimal number;
        try {
            number = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            return value;
        }
        DateTimeFormatter asDate = style == null || style.isEmpty()
                ? null
                : dateFormats.computeIfAbsent(style, this::dateFormat).orElse(null);
        if (asDate != null && DateUtil.isValidExcelDate(number.doubleValue())) {
            return asDate.format(DateUtil.getLocalDateTime(number.doubleValue(), date1904, true));
        }
        BigDecimal rounded = number.round(EXCEL_PRECISION).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }

    /**
     * How a number in cells of this style (an index into the styles table) is written when its format is a date one:
     * a date, a date and time, or a time, depending on what the format shows; empty for other formats.
     */
    private Optional<DateTimeFormatter> dateFormat(String style) {
        XSSFCellStyle cellStyle = styles == null ? null : styles.getStyleAt(Integer.parseInt(style));
        String format = cellStyle == null ? null : cellStyle.getDataFormatString();
        if (format == null || !DateUtil.isADateFormat(cellStyle.getDataFormat(), format)) {
            return Optional.empty();
        }
        String lower = format.toLowerCase(Locale.ROOT).replaceAll("\"[^\"]*\"|\\[[^]]*]", "");
        boolean hasDate = lower.contains("y") || lower.contains("d") || lower.contains("mmm");
        boolean hasTime = lower.contains("h") || lower.contains("s");
        if (!hasDate && hasTime) {
            return Optional.of(TIME);
        }
        return Optional.of(hasTime ? DATE_TIME : DATE);
    }

    /** The zero-based column of a cell reference such as {@code AB12}. */
    static int column(String reference) {
        int column = 0;
        for (int i = 0; i < reference.length(); i++) {
            char ch = reference.charAt(i);
            if (ch < 'A' || ch > 'Z') {
                break;
            }
            column = column * 26 + (ch - 'A' + 1);
        }
        return column - 1;
    }

    private static List<String> trimTrailingEmpty(List<String> record) {
        int end = record.size();
        while (end > 0 && record.get(end - 1).isBlank()) {
            end--;
        }
        return Collections.unmodifiableList(new ArrayList<>(record.subList(0, end)));
    }

    /** Whether the workbook counts dates from 1904 (old Mac Excel) instead of 1900. */
    private static boolean date1904(XSSFReader reader) throws IOException, OpenXML4JException, XMLStreamException {
        try (InputStream workbook = reader.getWorkbookData()) {
            XMLStreamReader wb = factory().createXMLStreamReader(workbook);
            try {
                while (wb.hasNext()) {
                    if (wb.next() == XMLStreamConstants.START_ELEMENT) {
                        String name = wb.getLocalName();
                        if (name.equals("workbookPr")) {
                            String value = wb.getAttributeValue(null, "date1904");
                            return "1".equals(value) || "true".equalsIgnoreCase(value);
                        }
                        if (name.equals("sheets")) {
                            return false;
                        }
                    }
                }
                return false;
            } finally {
                wb.close();
            }
        }
    }

    /** No DTDs, no external entities: the file comes from a user. */
    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }

    private static final class CountingStream extends FilterInputStream {

        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
