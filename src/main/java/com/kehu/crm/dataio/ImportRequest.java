package com.kehu.crm.dataio;

import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An uploaded file to import.
 *
 * @param file the upload, already on disk; the import owns it from here and deletes it when done
 * @param encoding null or "auto" to detect (BOM or valid UTF-8 means UTF-8, anything else GB18030), else a charset
 * @param mapping file header to field name, for headers not named like a field or its Chinese label
 * @param createMissingCustomers for orders: create a customer for an unknown customer code instead of failing the row
 * @param allOrNothing when any row fails, import nothing (status FAILED, failure {@code import.failure.rejected})
 */
public record ImportRequest(
        ImportType type,
        Path file,
        String fileName,
        @Nullable String encoding,
        OnDuplicate onDuplicate,
        Map<String, String> mapping,
        boolean createMissingCustomers,
        boolean allOrNothing) {

    /** A request that imports the good rows whatever happens to the bad ones. */
    public ImportRequest(
            ImportType type,
            Path file,
            String fileName,
            @Nullable String encoding,
            OnDuplicate onDuplicate,
            Map<String, String> mapping,
            boolean createMissingCustomers) {
        this(type, file, fileName, encoding, onDuplicate, mapping, createMissingCustomers, false);
    }
}
