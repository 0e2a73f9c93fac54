package com.kehu.crm.dataio;

/** Where an import is: waiting for the executor, running, finished, failed as a whole, or undone. */
public enum ImportStatus {
    QUEUED,
    RUNNING,
    DONE,
    FAILED,
    UNDONE
}
