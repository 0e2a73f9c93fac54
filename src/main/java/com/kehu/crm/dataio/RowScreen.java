package com.kehu.crm.dataio;

import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A kind's check of each row while the file streams, for kinds whose files are large (orders): a row it rejects is
 * staged in import_row with its reason like any failed row; a row it accepts it stages itself, already typed, and
 * import_row never holds it. The runner calls {@link #flush()} after each chunk and {@link #finish()} after the last
 * row, on its own thread.
 */
interface RowScreen extends AutoCloseable {

    /**
     * @param line the row's line in the file
     * @param record the cells as read
     * @param values the kind's fields in {@link ImportKind#fields()} order, stripped, null when empty or unmapped
     * @return null when the row is accepted (and staged by the screen), else why it fails
     */
    @Nullable
    Rejection screen(int line, List<String> record, @Nullable String[] values) throws SQLException;

    /** Sends what was accepted since the last call. */
    void flush() throws SQLException;

    /** Sends the rest and makes it visible to the kind's validation and merge. */
    void finish() throws SQLException;

    /** Releases the screen's resources; what it staged stays until the kind's merge or cleanup. */
    @Override
    void close();

    /**
     * Why a row fails: a message key and its argument (a field name or a number), as import_row stores them, and the
     * group the row belongs to (import_row.order_key: the rows of one order stand or fall together), if any.
     */
    record Rejection(
            String reason, @Nullable String arg, @Nullable String group) {}
}
