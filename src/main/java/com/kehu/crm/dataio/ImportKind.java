package com.kehu.crm.dataio;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One type of import (customers, orders, ...): which staging columns of {@code import_row} its fields fill, how file
 * headers name them, and how staged rows are validated, merged and undone, set-based in SQL. The runner streams the
 * file into import_row; a kind never sees the file.
 */
interface ImportKind {

    ImportType type();

    /** The fields, each the name of a text column of import_row, in the order the runner stages them. */
    List<String> fields();

    /** Lower-case header (English or Chinese) to field, for files whose headers need no mapping. */
    Map<String, String> headerSynonyms();

    /** Marks bad rows ({@code error} and {@code error_arg}); never stops at one. Runs outside a transaction. */
    void validate(ImportContext context);

    /** Applies the valid rows, recording {@code action} per row; runs in the import's one transaction. */
    void merge(ImportContext context);

    /**
     * Reverses a DONE import in the caller's transaction, or throws {@link ImportUndoBlockedException} naming what
     * changed since (then nothing changes) or {@link ImportNotUndoableException} when this kind cannot be undone.
     *
     * @return facts for the audit row (e.g. how many records were removed and restored)
     */
    Map<String, Object> undo(ImportContext context);

    /** Fields a file must map (the mapping screen refuses a mapping without them); none unless the kind says so. */
    default List<String> requiredFields() {
        return List.of();
    }

    /** Whether rows can match existing records, so that the import's onDuplicate choice means something. */
    default boolean matchesExisting() {
        return true;
    }

    /** Whether rows name customers by code that an import may create when missing (createMissingCustomers). */
    default boolean createsMissingCustomers() {
        return false;
    }

    /**
     * A screen that checks rows while the file streams and stages the good ones itself (see {@link RowScreen}), or
     * null (the default) to have every row staged in import_row. Called once per import, after the headers are read.
     */
    default @Nullable RowScreen screen(ImportContext context, int[] target) {
        return null;
    }

    /** Drops whatever the kind staged outside import_row; called when the import ends, whatever the outcome. */
    default void cleanUp(long id) {}
}
