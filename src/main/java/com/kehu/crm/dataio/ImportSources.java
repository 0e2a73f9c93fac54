package com.kehu.crm.dataio;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Opens an uploaded file as records: picks the format and, for text, the charset. */
final class ImportSources {

    private ImportSources() {}

    /** The file's records; {@code charset} applies to text formats only. */
    static ImportSource open(Path file, String fileName, Charset charset) throws IOException {
        return new CsvImportSource(file, charset);
    }

    /**
     * The charset to read a text file with: the one requested, else UTF-8 when the file starts with a byte-order mark
     * or decodes as UTF-8 throughout, else GB18030 (a superset of GBK, which Chinese spreadsheet programs write).
     */
    static Charset charset(Path file, @Nullable String requested) throws IOException {
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
}
