package com.kehu.crm.shared.export;

import org.jspecify.annotations.Nullable;

/**
 * Formula-injection escaping (OWASP "CSV injection"): a cell whose text starts with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return could be run as a formula by a spreadsheet program, so it is prefixed with an
 * apostrophe, which the programs show as text. Applied to every text cell of every export, CSV and .xlsx alike.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {}

    public static String escape(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return switch (first) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }

    /** RFC 4180 quoting of an already escaped value: quoted when it holds a comma, quote or line break. */
    static String csvQuote(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
