package com.kehu.crm.dataio;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads RFC 4180 CSV one record at a time: quoted fields with doubled quotes, separators and line breaks inside
 * quotes, CRLF or LF line ends. Only the current record is held in memory.
 */
final class CsvRecordReader {

    private final Reader in;
    private int line = 1;
    private int recordLine;
    private int pushedBack = -2;

    CsvRecordReader(Reader in) {
        this.in = in;
    }

    /** The physical line on which the last record returned started (the header is line 1). */
    int recordLine() {
        return recordLine;
    }

    /** The next record, or null at the end; blank lines are skipped. */
    @Nullable
    List<String> next() throws IOException {
        while (true) {
            recordLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            int ch;
            while (true) {
                ch = read();
                if (ch == -1) {
                    if (!any && field.isEmpty() && fields.isEmpty()) {
                        return null;
                    }
                    fields.add(field.toString());
                    return fields;
                }
                any = true;
                if (quoted) {
                    if (ch == '"') {
                        int following = read();
                        if (following == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            unread(following);
                        }
                    } else {
                        if (ch == '\n') {
                            line++;
                        }
                        field.append((char) ch);
                    }
                } else if (ch == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (ch == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (ch == '\r' || ch == '\n') {
                    if (ch == '\r') {
                        int following = read();
                        if (following != '\n') {
                            unread(following);
                        }
                    }
                    line++;
                    if (fields.isEmpty() && field.isEmpty()) {
                        break; // a blank line
                    }
                    fields.add(field.toString());
                    return fields;
                } else {
                    field.append((char) ch);
                }
            }
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int ch = pushedBack;
            pushedBack = -2;
            return ch;
        }
        return in.read();
    }

    private void unread(int ch) {
        pushedBack = ch;
    }
}
