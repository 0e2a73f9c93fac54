package com.kehu.crm.dataio;

/**
 * Where an import is: uploaded on the import screens and not run yet, waiting for the executor, running, finished,
 * failed as a whole, or undone.
 */
public enum ImportStatus {
    DRAFT,
    QUEUED,
    RUNNING,
    DONE,
    FAILED,
    UNDONE
}
