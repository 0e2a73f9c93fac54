package com.kehu.crm.marketing;

/** Another segment has this name (names are unique regardless of case). */
public class SegmentNameTakenException extends RuntimeException {

    public SegmentNameTakenException(String name) {
        super("Segment name taken: " + name);
    }
}
