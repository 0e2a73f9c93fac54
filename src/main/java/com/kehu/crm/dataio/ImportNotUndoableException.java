package com.kehu.crm.dataio;

/** Only a finished import (status DONE) can be undone. */
public class ImportNotUndoableException extends RuntimeException {

    ImportNotUndoableException(long id, ImportStatus status) {
        super("Import " + id + " is " + status + " and cannot be undone");
    }
}
