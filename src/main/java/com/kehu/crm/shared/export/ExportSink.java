package com.kehu.crm.shared.export;

import java.io.IOException;

/** Receives the rows of an export one by one, as a query streams them; may write to a response. */
@FunctionalInterface
public interface ExportSink<T> {
    void accept(T row) throws IOException;
}
