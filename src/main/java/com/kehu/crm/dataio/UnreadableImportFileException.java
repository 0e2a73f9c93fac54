package com.kehu.crm.dataio;

/** An uploaded file the import screens cannot read (no header row, not CSV or Excel); the reason is a message key. */
public class UnreadableImportFileException extends RuntimeException {

    private final String messageKey;

    UnreadableImportFileException(String messageKey, Throwable cause) {
        super(messageKey, cause);
        this.messageKey = messageKey;
    }

    UnreadableImportFileException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    /** import.failure.* */
    public String messageKey() {
        return messageKey;
    }
}
