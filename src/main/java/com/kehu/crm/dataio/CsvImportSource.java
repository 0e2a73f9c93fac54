package com.kehu.crm.dataio;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A CSV file in a known charset, a leading byte-order mark skipped. */
final class CsvImportSource implements ImportSource {

    private final CountingStream counted;
    private final BufferedReader reader;
    private final CsvRecordReader csv;
    private final List<String> headers;

    CsvImportSource(Path file, Charset charset) throws IOException {
        counted = new CountingStream(Files.newInputStream(file));
        reader = new BufferedReader(new InputStreamReader(counted, charset), 64 * 1024);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        csv = new CsvRecordReader(reader);
        List<String> first = csv.next();
        headers = first == null ? List.of() : first;
    }

    @Override
    public List<String> headers() {
        return headers;
    }

    @Override
    public @Nullable List<String> next() throws IOException {
        return csv.next();
    }

    @Override
    public int line() {
        return csv.recordLine();
    }

    @Override
    public long bytesRead() {
        return counted.count;
    }

    @Override
    public void close() throws IOException {
        reader.close();
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
