package com.kehu.crm.shared.export;

import java.util.Locale;
import java.util.Optional;

/** The two formats every export offers: CSV (UTF-8 with a BOM, so Excel reads Chinese) and streamed .xlsx. */
public enum ExportFormat {
    CSV("text/csv; charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String contentType;
    private final String extension;

    ExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** {@code csv} or {@code xlsx}, any case; anything else is empty (the caller answers 400). */
    public static Optional<ExportFormat> parse(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "csv" -> Optional.of(CSV);
            case "xlsx" -> Optional.of(XLSX);
            default -> Optional.empty();
        };
    }
}
