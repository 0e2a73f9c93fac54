package com.kehu.crm.dataio;

import com.kehu.crm.shared.domain.RecordNotFoundException;

/** No open cluster with this id, or it holds a customer the user may not change: both look the same (404). */
public class DuplicateClusterNotFoundException extends RecordNotFoundException {

    DuplicateClusterNotFoundException(long id) {
        super("No duplicate cluster " + id + " to review");
    }
}
