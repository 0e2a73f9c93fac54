package com.kehu.crm.dataio;

import com.kehu.crm.shared.domain.RecordNotFoundException;

/** No such import, or it is somebody else's (only its creator and admins see an import). */
public class ImportNotFoundException extends RecordNotFoundException {

    ImportNotFoundException(long id) {
        super("No import " + id);
    }
}
