package com.kehu.crm.shared.export;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One column of a list export: the message key of its header and the cell of a row. An enum cell is written as its
 * translated label ({@code SimpleName.CONSTANT}), a boolean as yes/no, a date or time as ISO text.
 */
public record ExportColumn<T>(String headerKey, Function<T, @Nullable Object> value) {

    public static <T> ExportColumn<T> of(String headerKey, Function<T, @Nullable Object> value) {
        return new ExportColumn<>(headerKey, value);
    }
}
