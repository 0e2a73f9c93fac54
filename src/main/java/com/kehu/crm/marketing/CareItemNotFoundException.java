package com.kehu.crm.marketing;

import com.kehu.crm.shared.domain.RecordNotFoundException;

public class CareItemNotFoundException extends RecordNotFoundException {

    CareItemNotFoundException(long id) {
        super("Care item " + id + " not found");
    }
}
