package com.kehu.crm.marketing;

import com.kehu.crm.shared.domain.RecordNotFoundException;

/** No such segment, or no such campaign to add a segment to. */
public class SegmentNotFoundException extends RecordNotFoundException {

    private SegmentNotFoundException(String message) {
        super(message);
    }

    public static SegmentNotFoundException forId(long id) {
        return new SegmentNotFoundException("No segment with id " + id);
    }

    public static SegmentNotFoundException campaign(long id) {
        return new SegmentNotFoundException("No campaign with id " + id);
    }
}
