package com.kehu.crm.activity;

import com.kehu.crm.shared.domain.RecordNotFoundException;

/** No such activity, or its customer or lead is not one the user may see. */
public class ActivityNotFoundException extends RecordNotFoundException {

    private ActivityNotFoundException(String message) {
        super(message);
    }

    public static ActivityNotFoundException forId(long id) {
        return new ActivityNotFoundException("No visible activity with id " + id);
    }
}
