package com.kehu.crm.dataio;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Opens an uploaded file as records: picks the format and, for text, the charset. */
final class ImportSources {

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {
        (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
    };

    private ImportSources() {}

    /**
     * The file's records: Excel .xlsx (by name, or by content: a zip), else CSV; {@code charset} applies to CSV only.
     * An old binary .xls (an OLE2 file) cannot be streamed and fails with {@code import.failure.xls}.
     */
    static ImportSource open(Path file, String fileName, Charset charset) throws IOException {
        byte[] magic = magic(file);
        if (startsWith(magic, OLE2)) {
            throw new ImportRunner.UnreadableFileException("import.failure.xls");
        }
        if (startsWith(magic, ZIP) || fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            return new XlsxImportSource(file);
        }
        return new CsvImportSource(file, charset);
    }

    /**
     * The charset to read a text file with: the one requested, else UTF-8 when the file starts with a byte-order mark
     * or decodes as UTF-8 throughout, else GB18030 (a superset of GBK, which Chinese spreadsheet programs write). A
     * spreadsheet (.xlsx or .xls) is never taken for GB18030 text: it gets UTF-8, the encoding of its XML.
     */
    static Charset charset(Path file, @Nullable String requested) throws IOException {
        byte[] magic = magic(file);
        if (startsWith(magic, ZIP) || startsWith(magic, OLE2)) {
            // a spreadsheet: its XML declares its own encoding and the setting does not apply
            return StandardCharsets.UTF_8;
        }
        if (requested != null && !requested.isBlank() && !requested.equalsIgnoreCase("auto")) {
            return Charset.forName(requested);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bom = in.readNBytes(3);
            if (bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF) {
                return StandardCharsets.UTF_8;
            }
        }
        // Files.newBufferedReader reports malformed input instead of replacing it
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            char[] buffer = new char[64 * 1024];
            while (reader.read(buffer) != -1) {
                // only checking that it decodes
            }
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return Charset.forName("GB18030");
        }
    }

    private static byte[] magic(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(OLE2.length);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
