package com.kehu.crm.dataio;

import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The records of an uploaded file, one at a time, whatever its format: only the current record is held in memory.
 * {@link ImportSources#open} picks the implementation.
 */
interface ImportSource extends AutoCloseable {

    /** The header record (the first non-blank one); empty for an empty file. */
    List<String> headers();

    /** The next record after the header, or null at the end. */
    @Nullable
    List<String> next() throws IOException;

    /** The line (CSV) or row number (spreadsheet) of the record last returned; the header is line 1. */
    int line();

    /** How far into the file reading has got, in bytes of the file, for progress. */
    long bytesRead();

    @Override
    void close() throws IOException;
}
